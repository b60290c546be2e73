/// Set operations on sorted lists of quote numbers.
extension QuoteIndex {
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
        out.docs.reserveCapacity(a.docs.count)
        out.scores.reserveCapacity(a.docs.count)
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
