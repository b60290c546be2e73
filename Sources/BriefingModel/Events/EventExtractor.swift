/// Finds event mentions (talks, summits, tests, visits) with their dates, places and participants in one article.
public struct EventExtractor: Sendable {
    public var lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    public func extract(_ article: Article, extraction: ArticleExtraction) -> [EventCandidate] {
        // Filled by the event layer (issue 5).
        []
    }
}
