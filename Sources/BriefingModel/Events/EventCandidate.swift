/// An event mention found in one article, before merging across the corpus.
public struct EventCandidate: Sendable, Hashable {
    public var article: String
    public var paragraph: Int
    public var kind: String
    public var text: String

    public init(article: String, paragraph: Int, kind: String, text: String) {
        self.article = article
        self.paragraph = paragraph
        self.kind = kind
        self.text = text
    }
}
