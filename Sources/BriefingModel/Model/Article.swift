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
public struct Paragraph: Sendable, Hashable, Codable {
    /// The paragraph's text; hard-wrapped lines are joined with single spaces.
    public var text: String
    /// 1-based line in the file where the paragraph starts.
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
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
