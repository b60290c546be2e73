import BriefingModel
import Foundation

/// The `/` search behind one small interface, so a better engine can replace the substring filter.
public protocol ReaderSearch: Sendable {
    /// Rows of `pane`'s list that match `query`, in list order.
    func matches(_ query: String, in pane: Pane) -> [Int]
    /// Starts building, on another thread, what searching `pane` needs and is not built yet (called when `/` opens
    /// the search there, so the first typed character does not wait for it).
    func prepare(_ pane: Pane)
}

extension ReaderSearch {
    /// Nothing to prepare.
    public func prepare(_ pane: Pane) {}
}

/// A search engine handed to the reducer as an action value: equal only to itself.
public final class SearchEngine: Sendable, Hashable {
    public let search: any ReaderSearch

    public init(_ search: any ReaderSearch) {
        self.search = search
    }

    public static func == (a: SearchEngine, b: SearchEngine) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The search before its structures are built: matches nothing, and says so.
public struct PendingSearch: ReaderSearch {
    public init() {}
    public func matches(_ query: String, in pane: Pane) -> [Int] { [] }
}

/// Case- and diacritic-folded substring search over each row's text.
///
/// The short rows (speakers, quotes, agenda items, events) are folded into one contiguous buffer per list
/// (`FoldedRows`) and scanned as bytes; articles are not copied: their title, metadata and paragraphs are matched
/// where they are (`Folding.folded(_:contains:)`), which folds nothing for text of ASCII, dashes and curly quotes.
/// Each list's rows are folded when it is first searched (`prepare` starts that as `/` opens the search): on
/// 20,000 articles the speakers' hold 5 MB and the events' 6 MB, and the quotes', which behind the quote index
/// (`IndexedSearch`) answer only what the index cannot, about 35 MB.
public final class SubstringSearch: ReaderSearch {
    /// The folded rows of each pane's list, by `Pane.rawValue` (none for articles).
    private let rows: [Deferred<FoldedRows>?]
    private let articles: Ordered<Article>

    public init(_ index: CorpusIndex) {
        var r: [Deferred<FoldedRows>?] = Array(repeating: nil, count: Pane.allCases.count)
        r[Pane.speakers.rawValue] = Deferred {
            FoldedRows(
                index.speakers.lazy.map { s in
                    ([s.name, s.role ?? "", s.kind.rawValue] + s.aliases).joined(separator: "\n")
                })
        }
        r[Pane.quotes.rawValue] = Deferred {
            let speakerName: (String?) -> String = { id in id.flatMap { index.speaker($0)?.name } ?? "" }
            return FoldedRows(
                index.quotes.lazy.map { q in [q.text, speakerName(q.speaker), q.cue ?? ""].joined(separator: "\n") })
        }
        r[Pane.agenda.rawValue] = Deferred {
            FoldedRows(
                index.agendaItems.lazy.map { e in
                    ([e.agenda.label, e.item.text, e.item.name ?? ""] + e.item.keywords).joined(separator: "\n")
                })
        }
        r[Pane.events.rawValue] = Deferred {
            FoldedRows(
                index.events.lazy.map { e in
                    ([e.title, e.kind, e.place ?? "", e.date?.value ?? ""] + e.participants + e.outcomes).joined(
                        separator: "\n")
                })
        }
        self.rows = r
        self.articles = index.articles
    }

    /// Folds the rows of `pane`'s list on another thread, unless they are built or being built.
    public func prepare(_ pane: Pane) {
        rows[pane.rawValue]?.startInBackground()
    }

    /// Whether `pane`'s rows are folded yet (for tests).
    func isPrepared(_ pane: Pane) -> Bool { rows[pane.rawValue]?.isBuilt ?? true }

    public func matches(_ query: String, in pane: Pane) -> [Int] {
        let q = Folding.fold(query)
        guard !q.isEmpty else { return [] }
        if pane == .articles {
            var out: [Int] = []
            for (i, a) in articles.enumerated() {
                let fields = [a.title, a.source ?? "", a.author ?? ""]
                if fields.contains(where: { Folding.folded($0, contains: q) })
                    || a.paragraphs.contains(where: { Folding.folded($0.textSlice, contains: q) })
                {
                    out.append(i)
                }
            }
            return out
        }
        return rows[pane.rawValue]?.value.rows(containing: q) ?? []
    }
}

/// The folded texts of a list's rows back to back in one byte buffer, searched for a folded query with `memchr`
/// on the query's rarest byte and `memcmp` at each candidate; a match counts only inside one row.
struct FoldedRows: Sendable {
    private var bytes: [UInt8] = []
    /// Row r is bytes[starts[r]..<starts[r + 1]].
    private var starts: [Int] = [0]
    /// How often each byte value occurs in `bytes`, to pick the query byte `memchr` looks for.
    private var frequency = [Int](repeating: 0, count: 256)

    init<S: Sequence<String>>(_ texts: S) {
        for text in texts {
            var folded = Folding.fold(text)
            folded.withUTF8 { bytes.append(contentsOf: $0) }
            starts.append(bytes.count)
        }
        for b in bytes { frequency[Int(b)] += 1 }
    }

    /// The rows (ascending) whose folded text contains the folded `query` (not empty).
    func rows(containing query: String) -> [Int] {
        var query = query
        return query.withUTF8 { q in bytes.withUnsafeBufferPointer { rows(containing: q, in: $0) } }
    }

    private func rows(containing q: UnsafeBufferPointer<UInt8>, in t: UnsafeBufferPointer<UInt8>) -> [Int] {
        let m = q.count
        guard m > 0, m <= t.count, let qp = q.baseAddress, let tp = t.baseAddress else { return [] }
        // The query byte that is rarest in the text, so `memchr` stops as seldom as possible.
        var k = 0
        for j in 1..<m where frequency[Int(q[j])] < frequency[Int(q[k])] { k = j }
        guard frequency[Int(q[k])] > 0 else { return [] }
        let probe = Int32(q[k])
        var out: [Int] = []
        var row = 0
        var from = k  // where to look for the probe byte; a match then starts at (found - k)
        let rowCount = starts.count - 1
        while from < t.count {
            guard let hit = memchr(tp + from, probe, t.count - from) else { break }
            let at = tp.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - k
            from = at + k + 1
            if at + m > t.count { break }
            // The row the match would start in; it must end inside the same row.
            while row + 1 < rowCount + 1, starts[row + 1] <= at { row += 1 }
            guard row < rowCount, at + m <= starts[row + 1] else { continue }
            guard memcmp(tp + at, qp, m) == 0 else { continue }
            out.append(row)
            // The next row's first possible match: its probe byte lies k bytes into it.
            from = starts[row + 1] + k
        }
        return out
    }
}
