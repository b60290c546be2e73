/// The terms and phrases of a query whose occurrences are highlighted (those not under an exclusion).
struct Highlight {
    var terms: Set<Int32> = []
    var phrases: [[[Int32]]] = []
}

extension QuoteIndex {
    /// True when quote `a` (with score `sa`) ranks before quote `b`: higher score, then newer date
    /// (undated last), then corpus order.
    func ranksBefore(_ a: Int32, _ sa: Double, _ b: Int32, _ sb: Double) -> Bool {
        if sa != sb { return sa > sb }
        let da = docDay[Int(a)]
        let db = docDay[Int(b)]
        if da != db { return da > db }
        return a < b
    }

    /// The quotes in rank order, cut to `limit`; a bounded heap keeps long lists cheap.
    func rank(_ found: ScoredDocs, limit: Int?) -> [(doc: Int32, score: Double)] {
        let n = found.docs.count
        let k = min(n, max(0, limit ?? n))
        guard k > 0 else { return [] }
        if k * 4 >= n {
            var items = (0..<n).map { (doc: found.docs[$0], score: found.scores[$0]) }
            items.sort { ranksBefore($0.doc, $0.score, $1.doc, $1.score) }
            return Array(items.prefix(k))
        }
        // Heap of the best k seen so far, its root the worst of them.
        var heap: [(doc: Int32, score: Double)] = []
        heap.reserveCapacity(k)
        func worse(_ i: Int, _ j: Int) -> Bool {
            ranksBefore(heap[j].doc, heap[j].score, heap[i].doc, heap[i].score)
        }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < heap.count, worse(l, m) { m = l }
                if r < heap.count, worse(r, m) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for i in 0..<n {
            let item = (doc: found.docs[i], score: found.scores[i])
            if heap.count < k {
                heap.append(item)
                var i = heap.count - 1
                while i > 0 {
                    let p = (i - 1) / 2
                    guard worse(i, p) else { break }
                    heap.swapAt(i, p)
                    i = p
                }
            } else if ranksBefore(item.doc, item.score, heap[0].doc, heap[0].score) {
                heap[0] = item
                siftDown(0)
            }
        }
        heap.sort { ranksBefore($0.doc, $0.score, $1.doc, $1.score) }
        return heap
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
    func matchRanges(_ d: Int, _ h: Highlight) -> [Range<Int>] {
        let lo = Int(docTokens[d])
        let hi = Int(docTokens[d + 1])
        var ranges: [Range<Int>] = []
        if !h.terms.isEmpty {
            for t in lo..<hi where h.terms.contains(tokenTerm[t]) {
                ranges.append(Int(tokenStart[t])..<Int(tokenEnd[t]))
            }
        }
        for p in h.phrases {
            for start in occurrences(of: p, in: d) {
                ranges.append(Int(tokenStart[start])..<Int(tokenEnd[start + p.count - 1]))
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
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

    func hits(_ ranked: [(doc: Int32, score: Double)], highlight: Highlight) -> [SearchHit] {
        ranked.map { item in
            let d = Int(item.doc)
            let q = quotes[d]
            return SearchHit(
                quote: q, score: item.score, matches: matchRanges(d, highlight),
                date: docDay[d] == Self.undated ? nil : Day(ordinal: Int(docDay[d])),
                speakerName: q.speaker.flatMap { catalog.speakerNames[$0] })
        }
    }
}
