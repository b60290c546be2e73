/// A block of the detail pane: styled text wrapped as one unit, optionally a link the cursor can rest on.
public struct Block: Sendable, Hashable {
    /// What the block shows.
    public var content: Content
    public var link: Link?
    /// Whether the cursor stops here (links, and paragraphs of an article).
    public var selectable: Bool
    public var indent: Int
    /// Spans in this role show the search's matches, marked when drawn (the same glyphs, so the same lines).
    public var matches: Role?

    /// Text built with the doc, or a reference whose text is written from the index only when the block is laid out
    /// and drawn (`BlockWriter`): a speaker or an agenda item can list tens of thousands of quotes and passages.
    public enum Content: Sendable, Hashable {
        case spans([Span])
        /// A paragraph of an article, styled (`ParagraphStyler`).
        case paragraph(ParagraphRef)
        /// A quote's line in a list, by the quote's id: date, the speaker when asked, the quote.
        case quote(id: String, withSpeaker: Bool)
        /// The heading of a passage in a list: the article's date and title, the paragraph's number.
        case passageHeading(ParagraphRef)
    }

    public init(_ spans: [Span], link: Link? = nil, selectable: Bool? = nil, indent: Int = 0) {
        self.init(.spans(spans), link: link, selectable: selectable, indent: indent)
    }

    public init(_ content: Content, link: Link? = nil, selectable: Bool? = nil, indent: Int = 0) {
        self.content = content
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
    public var blocks = Blocks()

    mutating func add(
        _ spans: [Span], link: Link? = nil, selectable: Bool? = nil, indent: Int = 0, matches: Role? = nil
    ) {
        add(.spans(spans), link: link, selectable: selectable, indent: indent, matches: matches)
    }

    /// A block whose text is written when it is laid out and drawn.
    mutating func add(
        _ content: Block.Content, link: Link? = nil, selectable: Bool? = nil, indent: Int = 0, matches: Role? = nil
    ) {
        var b = Block(content, link: link, selectable: selectable, indent: indent)
        b.matches = matches
        blocks.append(b)
    }

    /// Quotes' lines, each a link to its quote with the search's matches marked, kept as their ids.
    mutating func add(quotes ids: [String], withSpeaker: Bool, indent: Int = 0) {
        blocks.append(.quotes(ids, withSpeaker: withSpeaker, indent: indent))
    }

    /// Passages, each its heading (a link to the paragraph) then its paragraph indented, kept as references.
    mutating func add(passages: [ParagraphRef]) {
        blocks.append(.passages(passages))
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

/// A doc's blocks, a long list of quotes or passages held as one run of references and its blocks made when read:
/// an agenda item's 70,000 passages take 24 bytes each instead of two blocks of 88.
public struct Blocks: RandomAccessCollection, Sendable, Hashable {
    /// Blocks alike but for what they refer to.
    enum Run: Sendable, Hashable {
        case one(Block)
        case quotes([String], withSpeaker: Bool, indent: Int)
        case passages([ParagraphRef])

        var count: Int {
            switch self {
            case .one: return 1
            case .quotes(let ids, _, _): return ids.count
            case .passages(let refs): return 2 * refs.count
            }
        }

        /// The run's block at `k`.
        func block(_ k: Int) -> Block {
            switch self {
            case .one(let b): return b
            case .quotes(let ids, let withSpeaker, let indent):
                var b = Block(.quote(id: ids[k], withSpeaker: withSpeaker), link: .quote(ids[k]), indent: indent)
                b.matches = .quote
                return b
            case .passages(let refs):
                let p = refs[k / 2]
                if k % 2 == 0 { return Block(.passageHeading(p), link: .paragraph(p.article, p.paragraph)) }
                return Block(.paragraph(p), indent: 2)
            }
        }
    }

    private var runs: [Run] = []
    /// The index just past each run's last block.
    private var ends: [Int] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.last ?? 0 }

    public subscript(i: Int) -> Block {
        // The first run ending past `i`.
        var lo = 0
        var hi = ends.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] > i { hi = mid } else { lo = mid + 1 }
        }
        return runs[lo].block(i - (lo == 0 ? 0 : ends[lo - 1]))
    }

    mutating func append(_ b: Block) { append(.one(b)) }

    mutating func append(_ run: Run) {
        guard run.count > 0 else { return }
        runs.append(run)
        ends.append(endIndex + run.count)
    }
}

/// A doc wrapped to a width: how many lines each block takes and the selectable blocks. Lines themselves are
/// wrapped when drawn, so a speaker with thousands of quotes costs a count per block, not a grid of glyphs.
public struct DocLayout: Sendable {
    public let doc: Doc
    public let width: Int
    /// Writes the text of the blocks that hold references, to count their lines and to draw them.
    let writer: BlockWriter
    /// First line of each block, then the total line count.
    private let starts: [Int]
    /// Block indices the cursor can rest on, in order.
    public let stops: [Int]
    /// Where each line starts in the text of a paragraph longer than `longParagraph`, by block: only the lines drawn
    /// are styled and wrapped, not the whole paragraph.
    private let longLines: [Int: [String.Index]]

    /// Bytes of text from which a paragraph is drawn by its lines, unless the layout is given another bound.
    static let longParagraph = 16_384

    init(_ doc: Doc, width: Int, writer: BlockWriter, longParagraph: Int = DocLayout.longParagraph) {
        self.doc = doc
        self.width = width
        self.writer = writer
        var starts = [0]
        var stops: [Int] = []
        var longLines: [Int: [String.Index]] = [:]
        starts.reserveCapacity(doc.blocks.count + 1)
        var cells = CellRuns()
        for (i, b) in doc.blocks.enumerated() {
            cells.removeAll()
            switch b.content {
            case .spans(let spans): for span in spans { cells.append(span.text[...]) }
            case .paragraph(let p):
                let text = writer.styler.plainText(p)
                cells.append(text)
                if text.utf8.count >= longParagraph {
                    let lines = Wrapper.lineStarts(of: cells, width: Self.inner(b, width))
                    longLines[i] = CellRuns.indices(ofCells: lines, in: text)
                    starts.append(starts[i] + lines.count)
                    if b.selectable { stops.append(i) }
                    continue
                }
            case .quote, .passageHeading: for span in writer.spans(b.content) { cells.append(span.text[...]) }
            }
            starts.append(starts[i] + Wrapper.lineCount(of: cells, width: Self.inner(b, width)))
            if b.selectable { stops.append(i) }
        }
        self.starts = starts
        self.stops = stops
        self.longLines = longLines
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
            // The block's lines in the range, and the spans from the first of them.
            let shown = max(0, range.lowerBound - starts[b])..<min(starts[b + 1], range.upperBound) - starts[b]
            let lines = Wrapper.wrap(spans(b, block, lines: shown, query: query), width: Self.inner(block, width))
            let skip = longLines[b] == nil ? shown.lowerBound : 0
            for l in lines.dropFirst(skip).prefix(shown.count) { out.append(pad + l) }
            b += 1
        }
        return out
    }

    /// A block's spans as drawn: a paragraph styled now (a long one from the first of `lines`, up to the last),
    /// a list's row written now, matches marked.
    private func spans(_ b: Int, _ block: Block, lines: Range<Int>, query: String?) -> [Span] {
        if case .paragraph(let p) = block.content {
            guard let at = longLines[b] else { return writer.styler.spans(p, query: query) }
            let text = writer.styler.plainText(p)
            let end = lines.upperBound < at.count ? at[lines.upperBound] : text.endIndex
            return writer.styler.spans(p, query: query, window: at[lines.lowerBound]..<end)
        }
        let spans = writer.spans(block.content)
        guard let role = block.matches, let query, !query.isEmpty else { return spans }
        return spans.flatMap { $0.role == role ? Span.highlighted($0.text, role, query: query) : [$0] }
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
