/// One quote that matches a query, with its relevance and the spans to highlight.
public struct SearchHit: Sendable, Hashable {
    public var quote: Quote
    /// BM25 relevance; 0 when the query holds only filters or exclusions.
    public var score: Double
    /// Spans of `quote.text` that matched, as Unicode scalar offsets (like `Quote.start`/`end`), sorted,
    /// never overlapping. Convert with `stringRanges` to index the text.
    public var matches: [Range<Int>]
    /// The date of the quote's article, when known.
    public var date: Day?
    /// The speaker's canonical name, when the quote has a speaker.
    public var speakerName: String?

    public init(quote: Quote, score: Double, matches: [Range<Int>], date: Day? = nil, speakerName: String? = nil) {
        self.quote = quote
        self.score = score
        self.matches = matches
        self.date = date
        self.speakerName = speakerName
    }

    /// The match spans as ranges of `quote.text`.
    public var stringRanges: [Range<String.Index>] {
        SearchHit.stringRanges(matches, in: quote.text)
    }

    /// Converts scalar-offset ranges into ranges of `text` (ranges past the end are clamped).
    public static func stringRanges(_ ranges: [Range<Int>], in text: String) -> [Range<String.Index>] {
        let scalars = text.unicodeScalars
        let count = scalars.count
        return ranges.map { r in
            let lo = scalars.index(scalars.startIndex, offsetBy: min(max(0, r.lowerBound), count))
            let hi = scalars.index(scalars.startIndex, offsetBy: min(max(r.lowerBound, r.upperBound), count))
            return lo..<hi
        }
    }
}

/// The answer to a query: the best hits in rank order, how many quotes matched, and notes for the user.
public struct SearchResults: Sendable, Hashable {
    public var query: SearchQuery
    /// Hits by relevance, ties by date (newest first, undated last), then corpus order; cut to the limit.
    public var hits: [SearchHit]
    /// How many quotes match in all (before the limit).
    public var total: Int
    /// Things the user should know: a filter that names nothing in the corpus, undated quotes left out.
    public var notices: [String]

    public init(query: SearchQuery, hits: [SearchHit], total: Int, notices: [String] = []) {
        self.query = query
        self.hits = hits
        self.total = total
        self.notices = notices
    }
}
