/// Finds the speakers, quotes, terms and enumerated agendas of one article.
public struct ArticleExtractor: Sendable {
    public var lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    public func extract(_ article: Article) -> ArticleExtraction {
        // Filled by the extraction pipeline (issue 4).
        ArticleExtraction(article: article.id)
    }
}
