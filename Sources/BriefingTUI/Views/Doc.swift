/// A block of the detail pane: styled text wrapped as one unit, optionally a link the cursor can rest on.
public struct Block: Sendable, Hashable {
    public var spans: [Span]
    public var link: Link?
    /// Whether the cursor stops here (links, and paragraphs of an article).
    public var selectable: Bool
    public var indent: Int

    public init(_ spans: [Span], link: Link? = nil, selectable: Bool? = nil, indent: Int = 0) {
        self.spans = spans
        self.link = link
        self.selectable = selectable ?? (link != nil)
        self.indent = indent
    }

    static let blank = Block([])
}

/// What the detail pane shows for one item, before wrapping.
public struct Doc: Sendable, Hashable {
    public var blocks: [Block] = []

    mutating func add(_ spans: [Span], link: Link? = nil, selectable: Bool? = nil, indent: Int = 0) {
        blocks.append(Block(spans, link: link, selectable: selectable, indent: indent))
    }

    mutating func heading(_ text: String) {
        if !blocks.isEmpty { blocks.append(.blank) }
        blocks.append(Block([Span(text, .heading)]))
    }

    mutating func field(_ label: String, _ value: String, _ role: Role = .text) {
        blocks.append(Block([Span(label + ": ", .label), Span(value, role)]))
    }

    mutating func space() { blocks.append(.blank) }
}

/// A doc wrapped to a width: its lines, each block's line range and the selectable blocks.
public struct DocLayout: Sendable, Hashable {
    public var lines: [[Glyph]] = []
    /// Per block, the range of its lines.
    public var ranges: [Range<Int>] = []
    /// Block indices the cursor can rest on, in order.
    public var stops: [Int] = []
    public var doc: Doc

    public init(_ doc: Doc, width: Int) {
        self.doc = doc
        for (i, b) in doc.blocks.enumerated() {
            let start = lines.count
            let inner = max(1, width - b.indent)
            let pad = [Glyph](repeating: Glyph(" ", width: 1, role: .text), count: min(b.indent, max(0, width - 1)))
            for l in Wrapper.wrap(b.spans, width: inner) { lines.append(pad + l) }
            ranges.append(start..<lines.count)
            if b.selectable { stops.append(i) }
        }
    }

    /// The cursor stop whose block holds `link`.
    func stop(for link: Link) -> Int? {
        stops.firstIndex { doc.blocks[$0].link == link }
    }

    /// Line range of a cursor stop.
    func range(ofStop s: Int) -> Range<Int>? {
        guard s >= 0, s < stops.count else { return nil }
        return ranges[stops[s]]
    }
}
