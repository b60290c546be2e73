import Foundation

/// JSON for `briefing quotes`: quotes with speaker names and article dates resolved, and search hits.
///
/// A quote object has `id, article, paragraph (0-based), start, end, text, speaker, speakerName, cue, date,
/// pillars, events`; a hit adds `score` and `matches` (`[[start, end], …]` in Unicode scalar offsets of `text`).
/// Optional fields are written as `null`.
public enum QuoteJSON {
    /// `{"quotes": [...]}` for every quote of the corpus.
    public static func encode(_ corpus: Corpus) throws -> Data {
        let names = Dictionary(corpus.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let dates = Dictionary(
            corpus.articles.compactMap { a in a.date.map { (a.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let items = corpus.quotes.map { q in
            QuoteOut(quote: q, speakerName: q.speaker.flatMap { names[$0] }, date: dates[q.article])
        }
        return try encoder().encode(["quotes": items])
    }

    /// `{"query": ..., "total": N, "notices": [...], "hits": [...]}` for search results.
    public static func encode(_ results: SearchResults) throws -> Data {
        try encoder().encode(ResultsOut(results: results))
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    struct QuoteOut: Encodable {
        var quote: Quote
        var speakerName: String?
        var date: Day?
        var score: Double?
        var matches: [Range<Int>]?

        enum K: String, CodingKey { case speakerName, date, score, matches }

        /// The contract's quote fields (ContractJSON), then what a listing or a search adds.
        func encode(to encoder: Encoder) throws {
            try ContractJSON.QuoteOut(quote).encode(to: encoder)
            var c = encoder.container(keyedBy: K.self)
            try c.encode(speakerName, forKey: .speakerName)
            try c.encode(date?.description, forKey: .date)
            if let score { try c.encode(score, forKey: .score) }
            if let matches { try c.encode(matches.map { [$0.lowerBound, $0.upperBound] }, forKey: .matches) }
        }
    }

    struct ResultsOut: Encodable {
        var results: SearchResults
        enum K: String, CodingKey { case query, total, notices, hits }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(results.query.text, forKey: .query)
            try c.encode(results.total, forKey: .total)
            try c.encode(results.notices, forKey: .notices)
            try c.encode(
                results.hits.map {
                    QuoteOut(
                        quote: $0.quote, speakerName: $0.speakerName, date: $0.date, score: $0.score,
                        matches: $0.matches)
                }, forKey: .hits)
        }
    }
}
