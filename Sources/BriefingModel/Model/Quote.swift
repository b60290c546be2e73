/// A direct quotation: its text, where it stands, who said it and what it touches.
public struct Quote: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// Article id.
    public var article: String
    /// 0-based paragraph index in the article body.
    public var paragraph: Int
    /// Offset of the first character inside the marks, in Unicode scalars of the paragraph text.
    public var start: Int
    /// Offset just past the last character inside the marks (exclusive).
    public var end: Int
    /// What stands between the quotation marks.
    public var text: String
    /// Speaker id, or nil when no speaker can be found (never a guess).
    public var speaker: String?
    /// The reporting verb or cue: "said", "told", "according to", "in a statement".
    public var cue: String?
    /// Agenda item ids the quote touches.
    public var pillars: [String]
    /// Event ids the quote's sentence or paragraph mentions.
    public var events: [String]

    public init(
        id: String, article: String, paragraph: Int, start: Int, end: Int, text: String, speaker: String? = nil,
        cue: String? = nil, pillars: [String] = [], events: [String] = []
    ) {
        self.id = id
        self.article = article
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
        self.speaker = speaker
        self.cue = cue
        self.pillars = pillars
        self.events = events
    }
}

/// A quoted span that is not a quotation: a scare-quoted term or a title ("four pillars").
public struct Term: Sendable, Hashable, Codable {
    public var article: String
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var text: String

    public init(article: String, paragraph: Int, start: Int, end: Int, text: String) {
        self.article = article
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
    }
}
