/// One article of the corpus: its metadata and its body split into paragraphs.
public struct Article: Sendable, Hashable, Codable, Identifiable {
    /// Stable id derived from the path (unique within a corpus).
    public var id: String
    /// The path the article was read from (for `.jsonl`, `file.jsonl:LINE`).
    public var path: String
    public var title: String
    /// Publication date from front matter or `--date`; nil when unknown.
    public var date: Day?
    public var source: String?
    public var url: String?
    public var author: String?
    public var tags: [String]
    /// The body after front matter, in order.
    public var paragraphs: [Paragraph]

    public init(
        id: String, path: String, title: String, date: Day? = nil, source: String? = nil, url: String? = nil,
        author: String? = nil, tags: [String] = [], paragraphs: [Paragraph]
    ) {
        self.id = id
        self.path = path
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.author = author
        self.tags = tags
        self.paragraphs = paragraphs
    }
}

/// A paragraph of an article body, with where it stood in its file.
///
/// The paragraphs of a loaded article share one string (`Paragraph.sharing`): a string of its own per paragraph
/// costs about 50 bytes of header and allocation beyond its text, 17 MB for the 350,000 paragraphs of 20,000
/// articles. `textSlice` reads the text in place; `text` is a string of its own (a copy unless the paragraph has its
/// string to itself).
public struct Paragraph: Sendable, Hashable, Codable {
    /// The string that holds the text: the paragraph's own, or one its article's paragraphs share.
    private var base: String
    /// The text's UTF-8 offsets in `base`; `end` is -1 when the text is the whole of `base`.
    private var start: Int32
    private var end: Int32
    /// 1-based line in the file where the paragraph starts.
    public var line: Int

    public init(text: String, line: Int) {
        base = text
        start = 0
        end = -1
        self.line = line
    }

    /// The paragraph's text; hard-wrapped lines are joined with single spaces.
    public var text: String {
        get { end < 0 ? base : String(textSlice) }
        set {
            base = newValue
            start = 0
            end = -1
        }
    }

    /// The text where it is kept, without a copy.
    public var textSlice: Substring {
        // The ends are on scalar boundaries: the splitter cuts lines between scalars, the cache checks its ends,
        // `sharing` joins whole slices.
        end < 0 ? base[...] : base.slice(utf8: Int(start)..<Int(end))
    }

    /// The length of the text in UTF-8 bytes, without slicing it.
    public var utf8Count: Int { end < 0 ? base.utf8.count : Int(end - start) }

    /// `texts` with their lines as paragraphs that share one string, laid out with no room to spare; paragraphs of
    /// their own when the texts come to 2 GB or more.
    public static func sharing(_ texts: some Collection<(text: Substring, line: Int)>) -> [Paragraph] {
        var total = 0
        for t in texts { total += t.text.utf8.count }
        guard texts.count > 1, total < Int(Int32.max) else {
            return texts.map { Paragraph(text: String($0.text), line: $0.line) }
        }
        var joined = ""
        joined.reserveCapacity(total)
        for t in texts { joined.append(contentsOf: t.text) }
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(texts.count)
        var offset = 0
        for t in texts {
            let n = t.text.utf8.count
            paragraphs.append(Paragraph(base: joined, start: offset, end: offset + n, line: t.line))
            offset += n
        }
        return paragraphs
    }

    /// UTF-8 offsets `start..<end` of `base`, which must lie on scalar boundaries below 2 GB.
    init(base: String, start: Int, end: Int, line: Int) {
        self.base = base
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.line = line
    }

    public static func == (a: Paragraph, b: Paragraph) -> Bool { a.line == b.line && a.textSlice == b.textSlice }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(textSlice)
        hasher.combine(line)
    }

    private enum CodingKeys: String, CodingKey { case text, line }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try c.decode(String.self, forKey: .text), line: try c.decode(Int.self, forKey: .line))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(line, forKey: .line)
    }
}

/// A problem found while loading or parsing: reported as `path:line: message`, never fatal.
public struct LoadWarning: Sendable, Hashable, Codable, CustomStringConvertible, Error {
    public var path: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}
