import BriefingModel
import Foundation

/// The `/` search with the corpus search index for the Quotes list (words, stems, phrases, `speaker:` and other
/// filters; the word being typed counts as a prefix), and the substring filter for the other lists, and when the
/// index finds nothing (a query that cannot be parsed yet, an unfinished phrase, a piece of a word).
///
/// The list shows matches in its own order, so the index is asked only which quotes match, never to rank them.
public final class IndexedSearch: ReaderSearch {
    private let quotes: QuoteIndex
    /// The Quotes list row of each indexed quote (by the index's quote number); -1 when the list lacks it.
    private let rowOfQuote: [Int]
    /// True when index order is list order, so matches need no sort.
    private let inListOrder: Bool
    private let fallback: SubstringSearch

    public init(_ index: CorpusIndex) {
        self.quotes = QuoteIndex(corpus: index.corpus)
        let rowOfQuote = quotes.quotes.map { index.quoteRow(key: $0.idKey) ?? -1 }
        self.rowOfQuote = rowOfQuote
        self.inListOrder = zip(rowOfQuote, rowOfQuote.dropFirst()).allSatisfy { $0 >= 0 && $0 < $1 }
        self.fallback = SubstringSearch(index)
    }

    /// Prepares the substring filter of the lists other than Quotes (whose rows back the index only rarely).
    public func prepare(_ pane: Pane) {
        if pane != .quotes { fallback.prepare(pane) }
    }

    /// Whether the substring filter's rows of `pane` are folded yet (for tests).
    func isPrepared(_ pane: Pane) -> Bool { fallback.isPrepared(pane) }

    public func matches(_ query: String, in pane: Pane) -> [Int] {
        guard pane == .quotes else { return fallback.matches(query, in: pane) }
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        var attempts = [trimmed]
        if let last = trimmed.last, last.isLetter || last.isNumber { attempts.insert(trimmed + "*", at: 0) }
        for text in attempts {
            guard let parsed = try? SearchQuery(text) else { continue }
            let found = quotes.matchingQuotes(parsed)
            guard !found.isEmpty else { continue }
            let rows = found.map { rowOfQuote[$0] }.filter { $0 >= 0 }
            return inListOrder ? rows : rows.sorted()
        }
        return fallback.matches(query, in: pane)
    }
}
