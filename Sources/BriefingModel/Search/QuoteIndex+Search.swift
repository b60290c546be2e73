import Foundation

extension QuoteIndex {
    /// Parses and runs `text`; throws when the query is malformed.
    public func search(_ text: String, limit: Int? = nil) throws(QueryError) -> SearchResults {
        search(try SearchQuery(text), limit: limit)
    }

    /// Runs a parsed query. Hits come best first; `limit` cuts the list (`total` still counts every match).
    public func search(_ query: SearchQuery, limit: Int? = nil) -> SearchResults {
        var notices: [String] = []
        guard let root = query.root else {
            let all = ScoredDocs(
                docs: (0..<quotes.count).map { Int32($0) }, scores: Array(repeating: 0, count: quotes.count))
            return SearchResults(
                query: query, hits: hits(rank(all, limit: limit), highlight: Highlight()), total: all.docs.count)
        }
        let plan = resolve(root, notices: &notices)
        if Self.usesDates(root), undatedCount > 0 {
            notices.append(
                "\(undatedCount) quote\(undatedCount == 1 ? "" : "s") from undated articles never pass after:/before:")
        }
        let found = evaluate(plan)
        var highlight = Highlight()
        collectHighlight(plan, into: &highlight)
        let ranked = rank(found, limit: limit)
        return SearchResults(
            query: query, hits: hits(ranked, highlight: highlight), total: found.docs.count, notices: notices)
    }

    /// The numbers of the quotes `query` matches (their positions in `quotes`), ascending, neither ranked nor
    /// turned into hits: for lists that show the matches in their own order (the reader's quote list).
    public func matchingQuotes(_ query: SearchQuery) -> [Int] {
        guard let root = query.root else { return Array(quotes.indices) }
        var notices: [String] = []
        return evaluate(resolve(root, notices: &notices)).docs.map { Int($0) }
    }

    static func usesDates(_ node: QueryNode) -> Bool {
        switch node {
        case .filter(.after), .filter(.before): return true
        case .not(let n): return usesDates(n)
        case .and(let ns), .or(let ns): return ns.contains(where: usesDates)
        default: return false
        }
    }

    // MARK: Resolving

    func interned(_ ids: Set<String>) -> NameFilter {
        let found = Set(ids.compactMap { nameIDs[$0] })
        return NameFilter(set: NameSet(found, names: names.count), ids: found.sorted())
    }

    func resolve(_ node: QueryNode, notices: inout [String]) -> QueryPlan {
        switch node {
        case .word(let w): return .terms(terms(matching: w))
        case .prefix(let p): return .terms(terms(withPrefix: p))
        case .phrase(let ws): return .phrase(ws.map { terms(matching: $0) })
        case .not(let n): return .not(resolve(n, notices: &notices))
        case .and(let ns): return .and(ns.map { resolve($0, notices: &notices) })
        case .or(let ns): return .or(ns.map { resolve($0, notices: &notices) })
        case .filter(let f): return .predicate(resolve(f, notices: &notices))
        }
    }

    func resolve(_ f: QueryFilter, notices: inout [String]) -> DocPredicate {
        func named(_ ids: Set<String>, _ what: String) -> NameFilter {
            if ids.isEmpty { notices.append("no \(what) in the corpus (\(f))") }
            return interned(ids)
        }
        switch f {
        case .speaker(let w):
            // By catalog position straight to interned names: no id strings to hash for thousands of speakers.
            let positions = catalog.speakers.positions(matching: w)
            if positions.isEmpty { notices.append("no speaker matches '\(w)' in the corpus (\(f))") }
            let found = Set(positions.map { catalogSpeakerNames[$0] }.filter { $0 != Self.none })
            return .speaker(NameFilter(set: NameSet(found, names: names.count), ids: found.sorted()))
        case .kind(let k): return .speaker(named(catalog.speakerIDs(kind: k), "speaker is a \(k.rawValue)"))
        case .pillar(let w): return .pillar(named(catalog.itemIDs(w), "agenda item matches '\(w)'"))
        case .pillarNumber(let n): return .pillar(named(catalog.itemIDs(number: n), "agenda has an item \(n)"))
        case .event(let w): return .event(named(catalog.eventIDs(w), "event matches '\(w)'"))
        case .article(let id, let w):
            return .article(named(catalog.articleIDs(id: id, words: w), "article matches '\(w)'"))
        case .after(let d): return .onOrAfter(Int32(clamping: d.ordinal))
        case .before(let d): return .before(Int32(clamping: d.ordinal))
        }
    }

    // MARK: Evaluating

    func test(_ p: DocPredicate, _ d: Int) -> Bool {
        switch p {
        case .speaker(let s): return s.contains(docSpeaker[d])
        case .article(let s): return s.contains(docArticle[d])
        case .pillar(let s): return docPillars[d].contains { s.contains($0) }
        case .event(let s): return docEvents[d].contains { s.contains($0) }
        case .onOrAfter(let day): return docDay[d] != Self.undated && docDay[d] >= day
        case .before(let day): return docDay[d] != Self.undated && docDay[d] < day
        }
    }

    func evaluate(_ plan: QueryPlan) -> ScoredDocs {
        switch plan {
        case .terms(let ids):
            let (docs, counts) = union(ids)
            return bm25(docs: docs, counts: counts)
        case .phrase(let positions):
            return phrase(positions)
        case .predicate(let p):
            if let docs = postings(p) { return ScoredDocs(docs: docs, scores: Array(repeating: 0, count: docs.count)) }
            return scan { test(p, $0) }
        case .not(let inner):
            return complement(evaluate(inner))
        case .or(let children):
            return children.map(evaluate).reduce(ScoredDocs()) { Self.merge($0, $1) }
        case .and(let children):
            return conjunction(children)
        }
    }

    /// The quotes a name filter accepts, from the metadata postings; nil for date filters (they scan).
    func postings(_ p: DocPredicate) -> [Int32]? {
        switch p {
        case .speaker(let f): return docs(of: f.ids, in: speakerDocs)
        case .article(let f): return docs(of: f.ids, in: articleDocs)
        case .pillar(let f): return docs(of: f.ids, in: pillarDocs)
        case .event(let f): return docs(of: f.ids, in: eventDocs)
        case .onOrAfter, .before: return nil
        }
    }

    func docs(of ids: [Int32], in table: FlatLists) -> [Int32] {
        let lists = ids.map { table[Int($0)] }.filter { !$0.isEmpty }
        if lists.count <= 1 { return lists.first.map(Array.init) ?? [] }
        let total = lists.reduce(0) { $0 + $1.count }
        if total * 32 < quotes.count {
            var merged = Array(lists.joined())
            merged.sort()
            var out: [Int32] = []
            out.reserveCapacity(merged.count)
            for d in merged where out.last != d { out.append(d) }
            return out
        }
        var seen = [Bool](repeating: false, count: quotes.count)
        for list in lists {
            for d in list { seen[Int(d)] = true }
        }
        var out: [Int32] = []
        out.reserveCapacity(min(total, quotes.count))
        for d in seen.indices where seen[d] { out.append(Int32(d)) }
        return out
    }

    func scan(_ keep: (Int) -> Bool) -> ScoredDocs {
        var out = ScoredDocs()
        for d in 0..<quotes.count where keep(d) {
            out.docs.append(Int32(d))
        }
        out.scores = Array(repeating: 0, count: out.docs.count)
        return out
    }

    func complement(_ s: ScoredDocs) -> ScoredDocs {
        var out = ScoredDocs()
        var i = 0
        for d in 0..<Int32(quotes.count) {
            if i < s.docs.count, s.docs[i] == d {
                i += 1
            } else {
                out.docs.append(d)
            }
        }
        out.scores = Array(repeating: 0, count: out.docs.count)
        return out
    }

    func conjunction(_ children: [QueryPlan]) -> ScoredDocs {
        var positives: [QueryPlan] = []
        var predicates: [DocPredicate] = []
        var exclusions: [QueryPlan] = []
        for c in children {
            switch c {
            case .predicate(let p): predicates.append(p)
            case .not(let inner): exclusions.append(inner)
            default: positives.append(c)
            }
        }
        var result: ScoredDocs
        if positives.isEmpty {
            // Filters only: the smallest posting list of a name filter gives the candidates, else a scan.
            var best: (index: Int, docs: [Int32])?
            for (i, p) in predicates.enumerated() {
                if let docs = postings(p), docs.count < (best?.docs.count ?? Int.max) { best = (i, docs) }
            }
            if let best {
                let rest = predicates.indices.filter { $0 != best.index }.map { predicates[$0] }
                let docs = best.docs.filter { d in rest.allSatisfy { test($0, Int(d)) } }
                result = ScoredDocs(docs: docs, scores: Array(repeating: 0, count: docs.count))
            } else {
                result = scan { d in predicates.allSatisfy { test($0, d) } }
            }
        } else {
            // Terms stay raw posting lists and are scored only on the quotes that survive the intersection.
            let sources = positives.map(source).sorted { $0.docs.count < $1.docs.count }
            var candidates = sources[0].docs
            if !predicates.isEmpty {
                candidates = candidates.filter { d in predicates.allSatisfy { test($0, Int(d)) } }
            }
            result = ScoredDocs(docs: candidates, scores: Array(repeating: 0, count: candidates.count))
            for s in sources where !result.docs.isEmpty {
                result = s.intersect(result, norms: norms)
            }
        }
        for e in exclusions where !result.docs.isEmpty {
            result = Self.subtract(result, excluding(e, among: result))
        }
        return result
    }

    /// A positive part of a conjunction, as a list to intersect with.
    func source(_ plan: QueryPlan) -> ConjunctionSource {
        if case .terms(let ids) = plan {
            let (docs, counts) = union(ids)
            return ConjunctionSource(docs: docs, counts: counts, scores: [], boost: idfBoost(df: docs.count))
        }
        let s = evaluate(plan)
        return ConjunctionSource(docs: s.docs, counts: [], scores: s.scores, boost: 0)
    }

    /// idf × (k1 + 1) for a term found in `df` quotes.
    func idfBoost(df: Int) -> Double {
        let n = Double(quotes.count)
        let f = Double(df)
        return log(1 + (n - f + 0.5) / (f + 0.5)) * (Self.k1 + 1)
    }

    /// The quotes among `candidates` that an excluded term matches (predicates are tested, not scanned).
    func excluding(_ plan: QueryPlan, among candidates: ScoredDocs) -> [Int32] {
        switch plan {
        case .predicate(let p): return candidates.docs.filter { test(p, Int($0)) }
        case .terms(let ids): return unionDocs(ids)
        default: return evaluate(plan).docs
        }
    }

    // MARK: Postings

    /// The quotes holding any of `ids`, with the summed count of those terms in each.
    func union(_ ids: [Int32]) -> (docs: [Int32], counts: [UInt16]) {
        switch ids.count {
        case 0:
            return ([], [])
        case 1:
            return (postingDocs(Int(ids[0])), postingCounts(Int(ids[0])))
        default:
            let total = ids.reduce(0) { $0 + documentFrequency(Int($1)) }
            if ids.count <= 4 || total * 16 < quotes.count {
                var docs = postingDocs(Int(ids[0]))
                var counts = postingCounts(Int(ids[0]))
                for t in ids.dropFirst() {
                    (docs, counts) = Self.mergeCounts(docs, counts, postingDocs(Int(t)), postingCounts(Int(t)))
                }
                return (docs, counts)
            }
            // Many terms over many quotes (a short prefix): accumulate densely, then read in order.
            var dense = [UInt16](repeating: 0, count: quotes.count)
            for t in ids {
                let ds = postingDocs(Int(t))
                let cs = postingCounts(Int(t))
                for i in ds.indices {
                    let d = Int(ds[i])
                    let (sum, overflow) = dense[d].addingReportingOverflow(cs[i])
                    dense[d] = overflow ? UInt16.max : sum
                }
            }
            var docs: [Int32] = []
            var counts: [UInt16] = []
            docs.reserveCapacity(total)
            counts.reserveCapacity(total)
            for (d, c) in dense.enumerated() where c > 0 {
                docs.append(Int32(d))
                counts.append(c)
            }
            return (docs, counts)
        }
    }

    /// Only the quotes holding any of `ids` (no counts), for exclusions and phrase candidates.
    func unionDocs(_ ids: [Int32]) -> [Int32] {
        ids.count == 1 ? postingDocs(Int(ids[0])) : union(ids).docs
    }

    static func mergeCounts(_ a: [Int32], _ ac: [UInt16], _ b: [Int32], _ bc: [UInt16]) -> ([Int32], [UInt16]) {
        var docs: [Int32] = []
        var counts: [UInt16] = []
        docs.reserveCapacity(a.count + b.count)
        counts.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                docs.append(a[i])
                counts.append(ac[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                docs.append(b[j])
                counts.append(bc[j])
                j += 1
            } else {
                docs.append(a[i])
                let (sum, overflow) = ac[i].addingReportingOverflow(bc[j])
                counts.append(overflow ? UInt16.max : sum)
                i += 1
                j += 1
            }
        }
        return (docs, counts)
    }

    /// Okapi BM25 for one term (or phrase) with document frequency `docs.count`.
    func bm25(docs: [Int32], counts: [UInt16]) -> ScoredDocs {
        let boost = idfBoost(df: docs.count)
        let norms = self.norms
        let scores = [Double](unsafeUninitializedCapacity: docs.count) { buffer, initialized in
            docs.withUnsafeBufferPointer { ds in
                counts.withUnsafeBufferPointer { cs in
                    for i in 0..<ds.count {
                        let tf = Double(cs[i])
                        buffer[i] = boost * tf / (tf + norms[Int(ds[i])])
                    }
                }
            }
            initialized = docs.count
        }
        return ScoredDocs(docs: docs, scores: scores)
    }

    func phrase(_ positions: [[Int32]]) -> ScoredDocs {
        guard !positions.isEmpty, positions.allSatisfy({ !$0.isEmpty }) else { return ScoredDocs() }
        var candidates = positions.map(unionDocs).sorted { $0.count < $1.count }
        var docs = candidates.removeFirst()
        for c in candidates where !docs.isEmpty {
            docs = Self.intersect(docs, c)
        }
        var kept: [Int32] = []
        var counts: [UInt16] = []
        for d in docs {
            let n = occurrences(of: positions, in: Int(d)).count
            if n > 0 {
                kept.append(d)
                counts.append(UInt16(clamping: n))
            }
        }
        return bm25(docs: kept, counts: counts)
    }

    /// Token indexes (absolute) where the phrase starts in quote `d`.
    func occurrences(of sets: [[Int32]], in d: Int) -> [Int] {
        let lo = Int(docTokens[d])
        let hi = Int(docTokens[d + 1])
        guard hi - lo >= sets.count else { return [] }
        var out: [Int] = []
        for start in lo...(hi - sets.count) {
            var ok = true
            for (k, s) in sets.enumerated() where !s.contains(tokenTerm[start + k]) {
                ok = false
                break
            }
            if ok { out.append(start) }
        }
        return out
    }
}
