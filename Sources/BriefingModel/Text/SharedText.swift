/// One article's paragraphs as both per-article stages read them: decoded scalars and sentence ranges, found once
/// for both, and the article extractor's tokens when they were found ahead (each stage tokenizes its own way).
struct SharedText: Sendable {
    var scalars: [[Unicode.Scalar]]
    /// Sentence ranges of each paragraph, in scalar offsets.
    var sentences: [[Range<Int>]]
    /// `Tokenizer` tokens of each paragraph (best with their quote flags set: `ParagraphText.marking`), or nil: the
    /// article extractor tokenizes.
    var tokens: [[Token]]?

    init(scalars: [[Unicode.Scalar]], sentences: [[Range<Int>]], tokens: [[Token]]? = nil) {
        self.scalars = scalars
        self.sentences = sentences
        self.tokens = tokens
    }

    init(article: Article, splitter: SentenceSplitter) {
        let scalars = article.paragraphs.map { ArticleExtractor.scalars(of: $0.textSlice) }
        self.init(scalars: scalars, sentences: scalars.map { splitter.split($0) })
    }
}
