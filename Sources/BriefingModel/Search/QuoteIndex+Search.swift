import Foundation

/// A filter resolved to interned ids, tested against one quote's metadata.
enum DocPredicate: Sendable {
    case speaker(Set<Int32>)
    case article(Set<Int32>)
    case pillar(Set<Int32>)
    case event(Set<Int32>)
    case onOrAfter(Int32)
    case before(Int32)
}

/// A query resolved against the index: terms as term ids, filters as predicates.
indirect enum QueryPlan: Sendable {
    /// Quotes holding any of the terms (a word's inflections, or a prefix's words).
    case terms([Int32])
    /// Quotes holding the positions in sequence; each position accepts any of its terms.
    case phrase([[Int32]])
    case predicate(DocPredicate)
    case not(QueryPlan)
    case and([QueryPlan])
    case or([QueryPlan])
}

/// Quote numbers in ascending order with a score for each.
struct ScoredDocs {
    var docs: [Int32] = []
    var scores: [Double] = []
}

extension QuoteIndex {
    /// Parses and runs `text`; throws when the query is malformed.
    public func search(_ text: String, limit: Int? = nil) throws(QueryError) -> SearchResults {
        search(try SearchQuery(text), limit: limit)
    }

    /// Runs a parsed query. Hits come best first; `limit` cuts the list (`total` still counts every match).
    public func search(_ query: SearchQuery, limit: Int? = nil) -> SearchResults {
        var notices: [String] = []
        guard let root = query.root else {
            let all = ScoredDocs(docs: (0..<quotes.count).map { Int32($0) }, scores: Array(repeating: 0, count: quotes.count))
            return SearchResults(query: query, hits: hits(rank(all, limit: limit), highlight: Highlight()), total: all.docs.count)
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
        return SearchResults(query: query, hits: hits(ranked, highlight: highlight), total: found.docs.count, notices: notices)
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

    func interned(_ ids: Set<String>) -> Set<Int32> { Set(ids.compactMap { nameIDs[$0] }) }

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
        func named(_ ids: Set<String>, _ what: String) -> Set<Int32> {
            if ids.isEmpty { notices.append("no \(what) in the corpus (\(f))") }
            return interned(ids)
        }
        switch f {
        case .speaker(let w): return .speaker(named(catalog.speakerIDs(w), "speaker matches '\(w)'"))
        case .kind(let k): return .speaker(named(catalog.speakerIDs(kind: k), "speaker is a \(k.rawValue)"))
        case .pillar(let w): return .pillar(named(catalog.itemIDs(w), "agenda item matches '\(w)'"))
        case .pillarNumber(let n): return .pillar(named(catalog.itemIDs(number: n), "agenda has an item \(n)"))
        case .event(let w): return .event(named(catalog.eventIDs(w), "event matches '\(w)'"))
        case .article(let id, let w): return .article(named(catalog.articleIDs(id: id, words: w), "article matches '\(w)'"))
        case .after(let d): return .onOrAfter(Int32(clamping: d.ordinal))
        case .before(let d): return .before(Int32(clamping: d.ordinal))
        }
    }

    // MARK: Evaluating

    func test(_ p: DocPredicate, _ d: Int) -> Bool {
        switch p {
        case .speaker(let s): return s.contains(docSpeaker[d])
        case .article(let s): return s.contains(docArticle[d])
        case .pillar(let s): return docPillars[d].contains(where: s.contains)
        case .event(let s): return docEvents[d].contains(where: s.contains)
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
            return scan { test(p, $0) }
        case .not(let inner):
            return complement(evaluate(inner))
        case .or(let children):
            return children.map(evaluate).reduce(ScoredDocs()) { Self.merge($0, $1) }
        case .and(let children):
            return conjunction(children)
        }
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
            result = scan { d in predicates.allSatisfy { test($0, d) } }
        } else {
            let parts = positives.map(evaluate).sorted { $0.docs.count < $1.docs.count }
            result = parts[0]
            for p in parts.dropFirst() {
                if result.docs.isEmpty { break }
                result = Self.intersect(result, p)
            }
            if !predicates.isEmpty {
                var kept = ScoredDocs()
                for (i, d) in result.docs.enumerated() where predicates.allSatisfy({ test($0, Int(d)) }) {
                    kept.docs.append(d)
                    kept.scores.append(result.scores[i])
                }
                result = kept
            }
        }
        for e in exclusions where !result.docs.isEmpty {
            result = Self.subtract(result, excluding(e, among: result))
        }
        return result
    }

    /// The quotes among `candidates` that an excluded term matches (predicates are tested, not scanned).
    func excluding(_ plan: QueryPlan, among candidates: ScoredDocs) -> [Int32] {
        if case .predicate(let p) = plan {
            return candidates.docs.filter { test(p, Int($0)) }
        }
        return evaluate(plan).docs
    }

    // MARK: Postings

    /// The quotes holding any of `ids`, with the summed count of those terms in each.
    func union(_ ids: [Int32]) -> ([Int32], [Int]) {
        switch ids.count {
        case 0:
            return ([], [])
        case 1:
            let t = Int(ids[0])
            return (postingDocs[t], postingCounts[t].map(Int.init))
        default:
            let total = ids.reduce(0) { $0 + postingDocs[Int($1)].count }
            if ids.count <= 4 || total * 16 < quotes.count {
                var docs = postingDocs[Int(ids[0])]
                var counts = postingCounts[Int(ids[0])].map(Int.init)
                for t in ids.dropFirst() {
                    (docs, counts) = Self.mergeCounts(docs, counts, postingDocs[Int(t)], postingCounts[Int(t)])
                }
                return (docs, counts)
            }
            // Many terms over many quotes (a short prefix): accumulate densely, then read in order.
            var dense = [Int](repeating: 0, count: quotes.count)
            for t in ids {
                let ds = postingDocs[Int(t)]
                let cs = postingCounts[Int(t)]
                for i in ds.indices { dense[Int(ds[i])] += Int(cs[i]) }
            }
            var docs: [Int32] = []
            var counts: [Int] = []
            for (d, c) in dense.enumerated() where c > 0 {
                docs.append(Int32(d))
                counts.append(c)
            }
            return (docs, counts)
        }
    }

    static func mergeCounts(_ a: [Int32], _ ac: [Int], _ b: [Int32], _ bc: [UInt16]) -> ([Int32], [Int]) {
        var docs: [Int32] = []
        var counts: [Int] = []
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
                counts.append(Int(bc[j]))
                j += 1
            } else {
                docs.append(a[i])
                counts.append(ac[i] + Int(bc[j]))
                i += 1
                j += 1
            }
        }
        return (docs, counts)
    }

    /// Okapi BM25 for one term (or phrase) with document frequency `docs.count`.
    func bm25(docs: [Int32], counts: [Int]) -> ScoredDocs {
        let n = Double(quotes.count)
        let df = Double(docs.count)
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        var scores: [Double] = []
        scores.reserveCapacity(docs.count)
        for i in docs.indices {
            let tf = Double(counts[i])
            scores.append(idf * tf * (Self.k1 + 1) / (tf + docNorm[Int(docs[i])]))
        }
        return ScoredDocs(docs: docs, scores: scores)
    }

    func phrase(_ positions: [[Int32]]) -> ScoredDocs {
        guard !positions.isEmpty, positions.allSatisfy({ !$0.isEmpty }) else { return ScoredDocs() }
        let sets = positions.map(Set.init)
        var candidates = positions.map { union($0).0 }.sorted { $0.count < $1.count }
        var docs = candidates.removeFirst()
        for c in candidates where !docs.isEmpty {
            docs = Self.intersect(docs, c)
        }
        var kept: [Int32] = []
        var counts: [Int] = []
        for d in docs {
            let n = occurrences(of: sets, in: Int(d)).count
            if n > 0 {
                kept.append(d)
                counts.append(n)
            }
        }
        return bm25(docs: kept, counts: counts)
    }

    /// Token indexes (absolute) where the phrase starts in quote `d`.
    func occurrences(of sets: [Set<Int32>], in d: Int) -> [Int] {
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

    // MARK: Set operations on sorted quote numbers

    static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if b[j] < a[i] {
                j += 1
            } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// Quotes in both, scores added. Gallops through the longer list when the lengths differ a lot.
    static func intersect(_ a: ScoredDocs, _ b: ScoredDocs) -> ScoredDocs {
        let (small, large) = a.docs.count <= b.docs.count ? (a, b) : (b, a)
        var out = ScoredDocs()
        if small.docs.count * 8 < large.docs.count {
            var lo = 0
            for (i, d) in small.docs.enumerated() {
                var hi = large.docs.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if large.docs[mid] < d { lo = mid + 1 } else { hi = mid }
                }
                if lo < large.docs.count, large.docs[lo] == d {
                    out.docs.append(d)
                    out.scores.append(small.scores[i] + large.scores[lo])
                }
            }
            return out
        }
        var i = 0
        var j = 0
        while i < small.docs.count, j < large.docs.count {
            if small.docs[i] < large.docs[j] {
                i += 1
            } else if large.docs[j] < small.docs[i] {
                j += 1
            } else {
                out.docs.append(small.docs[i])
                out.scores.append(small.scores[i] + large.scores[j])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// Quotes in either, scores added.
    static func merge(_ a: ScoredDocs, _ b: ScoredDocs) -> ScoredDocs {
        var out = ScoredDocs()
        out.docs.reserveCapacity(a.docs.count + b.docs.count)
        out.scores.reserveCapacity(a.docs.count + b.docs.count)
        var i = 0
        var j = 0
        while i < a.docs.count || j < b.docs.count {
            if j == b.docs.count || (i < a.docs.count && a.docs[i] < b.docs[j]) {
                out.docs.append(a.docs[i])
                out.scores.append(a.scores[i])
                i += 1
            } else if i == a.docs.count || b.docs[j] < a.docs[i] {
                out.docs.append(b.docs[j])
                out.scores.append(b.scores[j])
                j += 1
            } else {
                out.docs.append(a.docs[i])
                out.scores.append(a.scores[i] + b.scores[j])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// `a` without the quotes in `removed` (sorted).
    static func subtract(_ a: ScoredDocs, _ removed: [Int32]) -> ScoredDocs {
        var out = ScoredDocs()
        var j = 0
        for (i, d) in a.docs.enumerated() {
            while j < removed.count, removed[j] < d { j += 1 }
            if j < removed.count, removed[j] == d { continue }
            out.docs.append(d)
            out.scores.append(a.scores[i])
        }
        return out
    }
}
