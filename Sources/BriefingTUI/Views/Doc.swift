/// A block of the detail pane: styled text wrapped as one unit, optionally a link the cursor can rest on.
public struct Block: Sendable, Hashable {
    public var spans: [Span]
    public var link: Link?
    /// Whether the cursor stops here (links, and paragraphs of an article).
    public var selectable: Bool
    public var indent: Int
    /// A paragraph of an article, read and styled (`ParagraphStyler`) only when laid out and drawn, in place of
    /// `spans`: an agenda item can list tens of thousands of passages.
    public var paragraph: ParagraphRef?
    /// Spans in this role show the search's matches, marked when drawn (the same glyphs, so the same lines).
    public var matches: Role?

    public init(_ spans: [Span], link: Link? = nil, selectable: Bool? = nil, indent: Int = 0) {
        self.spans = spans
        self.link = link
        self.selectable = selectable ?? (link != nil)
        self.indent = indent
    }

    static let blank = Block([])
}

/// A paragraph of an article, by the article's id and the paragraph's index.
public struct ParagraphRef: Sendable, Hashable {
    public var article: String
    public var paragraph: Int
}

/// What the detail pane shows for one item, before wrapping.
public struct Doc: Sendable, Hashable {
    public var blocks: [Block] = []

    mutating func add(
        _ spans: [Span], link: Link? = nil, selectable: Bool? = nil, indent: Int = 0, matches: Role? = nil
    ) {
        var b = Block(spans, link: link, selectable: selectable, indent: indent)
        b.matches = matches
        blocks.append(b)
    }

    /// A paragraph of an article, styled when drawn.
    mutating func add(paragraph: ParagraphRef, link: Link? = nil, indent: Int = 0) {
        var b = Block([], link: link, indent: indent)
        b.paragraph = paragraph
        blocks.append(b)
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

/// A doc wrapped to a width: how many lines each block takes and the selectable blocks. Lines themselves are
/// wrapped when drawn, so a speaker with thousands of quotes costs a count per block, not a grid of glyphs.
public struct DocLayout: Sendable {
    public let doc: Doc
    public let width: Int
    /// Reads the paragraph blocks' text to count their lines, and styles them as they are drawn.
    let styler: ParagraphStyler
    /// First line of each block, then the total line count.
    private let starts: [Int]
    /// Block indices the cursor can rest on, in order.
    public let stops: [Int]

    init(_ doc: Doc, width: Int, styler: ParagraphStyler) {
        self.doc = doc
        self.width = width
        self.styler = styler
        var starts = [0]
        var stops: [Int] = []
        starts.reserveCapacity(doc.blocks.count + 1)
        var cells = CellRuns()
        for (i, b) in doc.blocks.enumerated() {
            cells.removeAll()
            if let p = b.paragraph {
                cells.append(styler.plainText(p))
            } else {
                for span in b.spans { cells.append(span.text[...]) }
            }
            starts.append(starts[i] + Wrapper.lineCount(of: cells, width: Self.inner(b, width)))
            if b.selectable { stops.append(i) }
        }
        self.starts = starts
        self.stops = stops
    }

    /// All lines.
    public var lineCount: Int { starts[starts.count - 1] }

    /// Line range of a block.
    func range(ofBlock b: Int) -> Range<Int> { starts[b]..<starts[b + 1] }

    /// The lines in `range` (clamped to the doc), each block wrapped once, with the matches of `query` marked.
    func lines(_ range: Range<Int>, query: String? = nil) -> [[Glyph]] {
        let range = range.clamped(to: 0..<lineCount)
        guard !range.isEmpty else { return [] }
        var out: [[Glyph]] = []
        var b = block(atLine: range.lowerBound)
        while b < doc.blocks.count, starts[b] < range.upperBound {
            let block = doc.blocks[b]
            let pad = [Glyph](
                repeating: Glyph(" ", width: 1, role: .text), count: min(block.indent, max(0, width - 1)))
            for (k, l) in Wrapper.wrap(spans(block, query: query), width: Self.inner(block, width)).enumerated()
            where range.contains(starts[b] + k) {
                out.append(pad + l)
            }
            b += 1
        }
        return out
    }

    /// A block's spans as drawn: a paragraph styled now, matches marked, other blocks as built.
    private func spans(_ block: Block, query: String?) -> [Span] {
        if let p = block.paragraph {
            return styler.spans(p, query: query)
        }
        guard let role = block.matches, let query, !query.isEmpty else { return block.spans }
        return block.spans.flatMap { $0.role == role ? Span.highlighted($0.text, role, query: query) : [$0] }
    }

    /// The block holding a line (the last block starting at or before it).
    private func block(atLine line: Int) -> Int {
        var lo = 0
        var hi = doc.blocks.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= line { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The width a block wraps to, inside its indent.
    private static func inner(_ b: Block, _ width: Int) -> Int { max(1, width - b.indent) }

    /// The cursor stop whose block holds `link`.
    func stop(for link: Link) -> Int? {
        stops.firstIndex { doc.blocks[$0].link == link }
    }

    /// Line range of a cursor stop.
    func range(ofStop s: Int) -> Range<Int>? {
        guard s >= 0, s < stops.count else { return nil }
        return range(ofBlock: stops[s])
    }
}
