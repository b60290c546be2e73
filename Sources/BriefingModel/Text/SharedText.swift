/// One article's paragraphs as both per-article stages read them: decoded scalars and sentence ranges, found once
/// for both (each stage tokenizes on its own: the two use different tokens).
struct SharedText: Sendable {
    var scalars: [[Unicode.Scalar]]
    /// Sentence ranges of each paragraph, in scalar offsets.
    var sentences: [[Range<Int>]]

    init(article: Article, splitter: SentenceSplitter) {
        scalars = article.paragraphs.map { ArticleExtractor.scalars(of: $0.text) }
        sentences = scalars.map { splitter.split($0) }
    }
}
