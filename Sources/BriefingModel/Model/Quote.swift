/// A direct quotation: its text, where it stands, who said it and what it touches.
///
/// Stored compactly: positions as 32-bit numbers, and the text as a slice that may share its paragraph's storage
/// (the cache reads quotes that way, so a loaded corpus holds each quotation's characters once). The public
/// properties are the same as with plain fields.
public struct Quote: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// Article id.
    public var article: String
    private var storedParagraph: Int32
    private var storedStart: Int32
    private var storedEnd: Int32
    private var storedText: Substring
    /// Speaker id, or nil when no speaker can be found (never a guess).
    public var speaker: String?
    /// The reporting verb or cue: "said", "told", "according to", "in a statement".
    public var cue: String?
    /// Agenda item ids the quote touches.
    public var pillars: [String]
    /// Event ids the quote's sentence or paragraph mentions.
    public var events: [String]

    /// 0-based paragraph index in the article body.
    public var paragraph: Int {
        get { Int(storedParagraph) }
        set { storedParagraph = Int32(clamping: newValue) }
    }
    /// Offset of the first character inside the marks, in Unicode scalars of the paragraph text.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(clamping: newValue) }
    }
    /// Offset just past the last character inside the marks (exclusive).
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(clamping: newValue) }
    }
    /// What stands between the quotation marks.
    public var text: String {
        get { String(storedText) }
        set { storedText = Substring(newValue) }
    }
    /// The text as stored (a slice of the paragraph when the quote was read from the cache), without a copy.
    public var textSlice: Substring { storedText }

    public init(
        id: String, article: String, paragraph: Int, start: Int, end: Int, text: String, speaker: String? = nil,
        cue: String? = nil, pillars: [String] = [], events: [String] = []
    ) {
        self.init(
            id: id, article: article, paragraph: paragraph, start: start, end: end, slice: Substring(text),
            speaker: speaker, cue: cue, pillars: pillars, events: events)
    }

    /// A quote whose text is `slice`, kept as it is (typically a slice of the paragraph, sharing its storage).
    public init(
        id: String, article: String, paragraph: Int, start: Int, end: Int, slice: Substring, speaker: String? = nil,
        cue: String? = nil, pillars: [String] = [], events: [String] = []
    ) {
        self.id = id
        self.article = article
        self.storedParagraph = Int32(clamping: paragraph)
        self.storedStart = Int32(clamping: start)
        self.storedEnd = Int32(clamping: end)
        self.storedText = slice
        self.speaker = speaker
        self.cue = cue
        self.pillars = pillars
        self.events = events
    }

    private enum CodingKeys: String, CodingKey {
        case id, article, paragraph, start, end, text, speaker, cue, pillars, events
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), article: try c.decode(String.self, forKey: .article),
            paragraph: try c.decode(Int.self, forKey: .paragraph), start: try c.decode(Int.self, forKey: .start),
            end: try c.decode(Int.self, forKey: .end), text: try c.decode(String.self, forKey: .text),
            speaker: try c.decodeIfPresent(String.self, forKey: .speaker),
            cue: try c.decodeIfPresent(String.self, forKey: .cue),
            pillars: try c.decode([String].self, forKey: .pillars), events: try c.decode([String].self, forKey: .events)
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(article, forKey: .article)
        try c.encode(paragraph, forKey: .paragraph)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(speaker, forKey: .speaker)
        try c.encodeIfPresent(cue, forKey: .cue)
        try c.encode(pillars, forKey: .pillars)
        try c.encode(events, forKey: .events)
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
