/// Which interned names a filter accepts, as a table indexed by name id.
struct NameSet: Sendable {
    var accepted: [Bool]

    init(_ ids: Set<Int32>, names: Int) {
        accepted = Array(repeating: false, count: names)
        for id in ids where id >= 0 && Int(id) < names { accepted[Int(id)] = true }
    }

    func contains(_ id: Int32) -> Bool { id >= 0 && Int(id) < accepted.count && accepted[Int(id)] }
}

/// The interned names a filter accepts: as a table for tests, as a list for posting lookups.
struct NameFilter: Sendable {
    var set: NameSet
    var ids: [Int32]

    func contains(_ id: Int32) -> Bool { set.contains(id) }
}

/// A filter resolved to interned ids, tested against one quote's metadata.
enum DocPredicate: Sendable {
    case speaker(NameFilter)
    case article(NameFilter)
    case pillar(NameFilter)
    case event(NameFilter)
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

/// One side of an intersection: a posting list with counts (scored on demand) or already scored quotes.
struct ConjunctionSource {
    var docs: [Int32]
    /// In-quote counts of a term list; empty when `scores` holds the scores.
    var counts: [UInt16]
    var scores: [Double]
    var boost: Double

    /// The candidates found in this list, with this list's score added. Gallops through `docs`.
    func intersect(_ candidates: ScoredDocs, norms: LengthNorms) -> ScoredDocs {
        var out = ScoredDocs()
        out.docs.reserveCapacity(candidates.docs.count)
        out.scores.reserveCapacity(candidates.docs.count)
        var lo = 0
        let n = docs.count
        for (i, d) in candidates.docs.enumerated() {
            // Exponential then binary search for the first position >= d.
            var step = 1
            var hi = lo
            while hi < n, docs[hi] < d {
                lo = hi + 1
                hi += step
                step *= 2
            }
            hi = min(hi, n)
            while lo < hi {
                let mid = (lo + hi) / 2
                if docs[mid] < d { lo = mid + 1 } else { hi = mid }
            }
            guard lo < n else { break }
            if docs[lo] == d {
                let add: Double
                if counts.isEmpty {
                    add = scores[lo]
                } else {
                    let tf = Double(counts[lo])
                    add = boost * tf / (tf + norms[Int(d)])
                }
                out.docs.append(d)
                out.scores.append(candidates.scores[i] + add)
            }
        }
        return out
    }
}

/// Quote numbers in ascending order with a score for each.
struct ScoredDocs {
    var docs: [Int32] = []
    var scores: [Double] = []
}

/// BM25's length normalization of each quote, k1 * (1 - b + b * length / average length), read from the index's
/// token offsets.
struct LengthNorms {
    /// The index's `docTokens`: quote d has docTokens[d + 1] - docTokens[d] tokens.
    let docTokens: [Int32]
    let averageLength: Double

    subscript(d: Int) -> Double {
        let length = Double(docTokens[d + 1] - docTokens[d])
        return QuoteIndex.k1 * (1 - QuoteIndex.b + QuoteIndex.b * length / averageLength)
    }
}
