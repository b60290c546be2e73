import BriefingModel
import Foundation

/// The `/` search with the corpus search index for the Quotes list (words, stems, phrases, `speaker:` and other
/// filters; the word being typed counts as a prefix), and the substring filter for the other lists, and when the
/// index finds nothing (a query that cannot be parsed yet, an unfinished phrase, a piece of a word).
public final class IndexedSearch: ReaderSearch {
    private let quotes: QuoteIndex
    private let index: CorpusIndex
    private let fallback: SubstringSearch

    public init(_ index: CorpusIndex) {
        self.quotes = QuoteIndex(corpus: index.corpus)
        self.index = index
        self.fallback = SubstringSearch(index)
    }

    public func matches(_ query: String, in pane: Pane) -> [Int] {
        guard pane == .quotes else { return fallback.matches(query, in: pane) }
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        var attempts = [trimmed]
        if let last = trimmed.last, last.isLetter || last.isNumber { attempts.insert(trimmed + "*", at: 0) }
        for text in attempts {
            guard let results = try? quotes.search(text), !results.hits.isEmpty else { continue }
            return results.hits.compactMap { index.quoteRow($0.quote.id) }.sorted()
        }
        return fallback.matches(query, in: pane)
    }
}
