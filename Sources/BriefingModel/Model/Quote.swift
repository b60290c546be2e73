/// A direct quotation: its text, where it stands, who said it and what it touches.
///
/// Stored compactly: positions as 32-bit numbers, the text as a slice that may share its paragraph's storage
/// (the cache reads quotes that way, so a loaded corpus holds each quotation's characters once), and an id of the
/// form "article#qN" as its number N alone (`QuoteID`). The public properties are the same as with plain fields.
public struct Quote: Sendable, Hashable, Codable, Identifiable {
    /// The id, unless it is "article#qN" for the quote's own article (then nil, and `storedNumber` holds N).
    private var otherID: OtherQuoteID?
    private var storedArticle: String
    /// N of an id "article#qN", else -1. Every (id, article) pair has one storage, so the synthesized equality and
    /// hash agree with the public properties'.
    private var storedNumber: Int32
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

    /// Unique quote id, e.g. "2019-10-05-ortagus#q1".
    public var id: String {
        get { storedNumber < 0 ? otherID?.id ?? "" : QuoteID.make(storedArticle, Int(storedNumber)) }
        set { setID(newValue, article: storedArticle) }
    }
    /// Article id.
    public var article: String {
        get { storedArticle }
        set {
            // The id stays what it was: re-stored against the new article.
            let id = self.id
            storedArticle = newValue
            setID(id, article: newValue)
        }
    }
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
        self.otherID = nil
        self.storedArticle = article
        self.storedNumber = -1
        self.storedParagraph = Int32(clamping: paragraph)
        self.storedStart = Int32(clamping: start)
        self.storedEnd = Int32(clamping: end)
        self.storedText = slice
        self.speaker = speaker
        self.cue = cue
        self.pillars = pillars
        self.events = events
        setID(id, article: article)
    }

    /// A quote whose id is "article#qN" for `number` N, without building that string.
    init(
        number: Int, article: String, paragraph: Int, start: Int, end: Int, slice: Substring, speaker: String?,
        cue: String?, pillars: [String] = [], events: [String] = []
    ) {
        let n = Int32(exactly: number).flatMap { $0 >= 0 ? $0 : nil }
        otherID = n == nil ? OtherQuoteID(QuoteID.make(article, number)) : nil
        storedArticle = article
        storedNumber = n ?? -1
        storedParagraph = Int32(clamping: paragraph)
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
        storedText = slice
        self.speaker = speaker
        self.cue = cue
        self.pillars = pillars
        self.events = events
    }

    /// Stores `id` as a number when it is "article#qN" with N written as `QuoteID.make` writes it.
    private mutating func setID(_ id: String, article: String) {
        if let n = QuoteID.number(id, article: article) {
            otherID = nil
            storedNumber = n
        } else {
            otherID = OtherQuoteID(id)
            storedNumber = -1
        }
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

extension Quote {
    /// N when the id is "article#qN" for the quote's own article (stored as that number), else nil.
    var idNumber: Int32? { storedNumber >= 0 ? storedNumber : nil }

    /// The id as a key that is equal for two quotes exactly when their ids are, built without writing out an id
    /// stored as its number (the search index and the reader key their quotes by id).
    public var idKey: QuoteIDKey {
        if storedNumber >= 0 { return QuoteIDKey(prefix: storedArticle, number: storedNumber) }
        return QuoteIDKey(id: otherID?.id ?? "")
    }
}

/// The id of a quote whose id is not "article#qN" (few are): boxed, so that every other quote spends 8 bytes on it
/// rather than a string's 16. Equal and hashed by the id.
private final class OtherQuoteID: Sendable, Hashable {
    let id: String

    init(_ id: String) { self.id = id }

    static func == (a: OtherQuoteID, b: OtherQuoteID) -> Bool { a.id == b.id }
    func hash(into h: inout Hasher) { h.combine(id) }
}

/// A quote id "prefix#qN" as its prefix and N (-1, with the whole id as the prefix, for an id of another form).
public struct QuoteIDKey: Hashable, Sendable {
    let prefix: String
    let number: Int32

    init(prefix: String, number: Int32) {
        self.prefix = prefix
        self.number = number
    }

    /// The key of `id`, split at its last "#q" when N is written as `QuoteID.make` writes it (as a quote stores it).
    public init(id: String) {
        let utf8 = Array(id.utf8)
        var split = -1
        if utf8.count >= 3 {
            for k in stride(from: utf8.count - 2, through: 0, by: -1)
            where utf8[k] == UInt8(ascii: "#") && utf8[k + 1] == UInt8(ascii: "q") {
                split = k
                break
            }
        }
        let prefix = split >= 0 ? String(decoding: utf8[..<split], as: UTF8.self) : ""
        if split >= 0, let n = QuoteID.number(id, article: prefix) {
            self.init(prefix: prefix, number: n)
        } else {
            self.init(prefix: id, number: -1)
        }
    }
}

/// Quote ids of the form "article#qN": written, and recognized (so that such an id is stored as its number).
enum QuoteID {
    /// "article#qN", in storage of its exact size.
    static func make(_ article: String, _ n: Int) -> String { LocalID.make(article, tag: "q", n) }

    /// N when `id` is "article#qN" with N in 0...Int32.max written without leading zeros (as `make` writes it).
    static func number(_ id: String, article: String) -> Int32? {
        var id = id
        var article = article
        return id.withUTF8 { i in
            article.withUTF8 { a in
                let digits = i.count - a.count - 2
                guard digits >= 1, digits <= 10, i[a.count] == UInt8(ascii: "#"), i[a.count + 1] == UInt8(ascii: "q"),
                    digits == 1 || i[a.count + 2] != UInt8(ascii: "0")
                else { return nil }
                for k in 0..<a.count where i[k] != a[k] { return nil }
                var n = 0
                for k in (a.count + 2)..<i.count {
                    let d = Int(i[k]) - 48
                    guard d >= 0, d <= 9 else { return nil }
                    n = n * 10 + d
                }
                return Int32(exactly: n)
            }
        }
    }
}

/// "prefix#tagN" ids (a speaker's or a quote's id in its article), written in one go into storage of their exact
/// size (an interpolated string keeps spare room, which adds up over a large corpus).
enum LocalID {
    static func make(_ prefix: String, tag: Unicode.Scalar, _ n: Int) -> String {
        var digits = 1
        var rest = n / 10
        while rest != 0 {
            digits += 1
            rest /= 10
        }
        guard tag.isASCII, n >= 0 else { return "\(prefix)#\(tag)\(n)" }
        var prefix = prefix
        return prefix.withUTF8 { a in
            let count = a.count + 2 + digits
            return String(unsafeUninitializedCapacity: count) { out in
                for i in 0..<a.count { out[i] = a[i] }
                out[a.count] = UInt8(ascii: "#")
                out[a.count + 1] = UInt8(truncatingIfNeeded: tag.value)
                var v = n
                var k = count - 1
                repeat {
                    out[k] = UInt8(truncatingIfNeeded: 48 + v % 10)
                    v /= 10
                    k -= 1
                } while v != 0
                return count
            }
        }
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
