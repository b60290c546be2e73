/// The terms and phrases of a query whose occurrences are highlighted (those not under an exclusion).
struct Highlight {
    var terms: Set<Int32> = []
    var phrases: [[[Int32]]] = []
}

/// The highlight prepared for marking many quotes: its terms as a table indexed by term id.
struct HighlightTable {
    var marked: [Bool]
    var any: Bool
    var phrases: [[[Int32]]]

    init(_ h: Highlight, termCount: Int) {
        marked = Array(repeating: false, count: h.terms.isEmpty ? 0 : termCount)
        for t in h.terms where t >= 0 && Int(t) < termCount { marked[Int(t)] = true }
        any = !h.terms.isEmpty
        phrases = h.phrases
    }

    func contains(_ term: Int32) -> Bool { any && Int(term) < marked.count && marked[Int(term)] }
}

/// A quote with its score and its article's day, in the order results are listed.
struct RankedDoc {
    var score: Double
    var day: Int32
    var doc: Int32

    /// Higher score first, then newer date (undated, `Int32.min`, last), then corpus order.
    @inline(__always)
    static func precedes(_ a: RankedDoc, _ b: RankedDoc) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.day != b.day { return a.day > b.day }
        return a.doc < b.doc
    }
}

extension QuoteIndex {
    /// True when quote `a` (with score `sa`) ranks before quote `b`: higher score, then newer date
    /// (undated last), then corpus order.
    func ranksBefore(_ a: Int32, _ sa: Double, _ b: Int32, _ sb: Double) -> Bool {
        RankedDoc.precedes(
            RankedDoc(score: sa, day: docDay[Int(a)], doc: a), RankedDoc(score: sb, day: docDay[Int(b)], doc: b))
    }

    /// The quotes in rank order, cut to `limit`. A short list is sorted whole; for a limit well below the
    /// number of matches a bounded heap keeps only the best `limit` (same order, ties included).
    func rank(_ found: ScoredDocs, limit: Int?) -> [RankedDoc] {
        let n = found.docs.count
        let k = min(n, max(0, limit ?? n))
        guard k > 0 else { return [] }
        if k * 4 >= n {
            var items = [RankedDoc](unsafeUninitializedCapacity: n) { buffer, initialized in
                found.docs.withUnsafeBufferPointer { ds in
                    found.scores.withUnsafeBufferPointer { ss in
                        docDay.withUnsafeBufferPointer { days in
                            for i in 0..<n {
                                buffer[i] = RankedDoc(score: ss[i], day: days[Int(ds[i])], doc: ds[i])
                            }
                        }
                    }
                }
                initialized = n
            }
            items.sort(by: RankedDoc.precedes)
            if k < n { items.removeSubrange(k...) }
            return items
        }
        return Self.best(k, of: found, days: docDay)
    }

    /// The best `k` of `found` (0 < k < count) in rank order, by a heap whose root is the worst kept so far.
    static func best(_ k: Int, of found: ScoredDocs, days: [Int32]) -> [RankedDoc] {
        var heap: [RankedDoc] = []
        heap.reserveCapacity(k)
        found.docs.withUnsafeBufferPointer { ds in
            found.scores.withUnsafeBufferPointer { ss in
                days.withUnsafeBufferPointer { dayOf in
                    for i in 0..<ds.count {
                        let item = RankedDoc(score: ss[i], day: dayOf[Int(ds[i])], doc: ds[i])
                        if heap.count < k {
                            heap.append(item)
                            siftUp(&heap, heap.count - 1)
                        } else if RankedDoc.precedes(item, heap[0]) {
                            heap[0] = item
                            siftDown(&heap, 0)
                        }
                    }
                }
            }
        }
        heap.sort(by: RankedDoc.precedes)
        return heap
    }

    /// Heap order: a parent ranks after its children (the root is the worst).
    static func siftUp(_ heap: inout [RankedDoc], _ start: Int) {
        var i = start
        while i > 0 {
            let p = (i - 1) / 2
            guard RankedDoc.precedes(heap[p], heap[i]) else { return }
            heap.swapAt(i, p)
            i = p
        }
    }

    static func siftDown(_ heap: inout [RankedDoc], _ start: Int) {
        var i = start
        let n = heap.count
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < n, RankedDoc.precedes(heap[m], heap[l]) { m = l }
            if r < n, RankedDoc.precedes(heap[m], heap[r]) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }

    func collectHighlight(_ plan: QueryPlan, into h: inout Highlight) {
        switch plan {
        case .terms(let ids): h.terms.formUnion(ids)
        case .phrase(let positions):
            if positions.count == 1 {
                h.terms.formUnion(positions[0])
            } else {
                h.phrases.append(positions)
            }
        case .and(let ps), .or(let ps): for p in ps { collectHighlight(p, into: &h) }
        case .not, .predicate: break
        }
    }

    /// The scalar-offset spans of quote `d` that the highlight matches, sorted and merged where they overlap.
    func matchRanges(_ d: Int, _ h: HighlightTable) -> [Range<Int>] {
        let lo = Int(docTokens[d])
        let hi = Int(docTokens[d + 1])
        // Where each token lies, read again from the text it was indexed from (the same scan gives the same
        // tokens in the same order); the index keeps only their terms.
        var spans: [Range<Int>] = []
        spans.reserveCapacity(hi - lo)
        var scanner = WordScanner()
        scanner.scan(quotes[d].textSlice) { _, start, end in spans.append(Int(start)..<Int(max(start, end))) }
        guard spans.count == hi - lo else { return [] }
        var ranges: [Range<Int>] = []
        if h.any {
            for t in lo..<hi where h.contains(tokenTerm[t]) { ranges.append(spans[t - lo]) }
        }
        for p in h.phrases {
            for start in occurrences(of: p, in: d) {
                ranges.append(spans[start - lo].lowerBound..<spans[start - lo + p.count - 1].upperBound)
            }
        }
        if !h.phrases.isEmpty { ranges.sort { $0.lowerBound < $1.lowerBound } }  // terms alone come in token order
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    func hits(_ ranked: [RankedDoc], highlight: Highlight) -> [SearchHit] {
        let table = HighlightTable(highlight, termCount: terms.count)
        return ranked.map { item in
            let d = Int(item.doc)
            return SearchHit(
                quote: quotes[d], score: item.score, matches: matchRanges(d, table),
                date: item.day == Self.undated ? nil : Day(ordinal: Int(item.day)),
                speakerName: docSpeakerName(d))
        }
    }
}
