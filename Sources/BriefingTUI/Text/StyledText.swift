/// A run of text drawn with one color role.
public struct Span: Sendable, Hashable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .text) {
        self.text = text
        self.role = role
    }
}

/// One grapheme cluster ready to place on the grid: its column width and role.
public struct Glyph: Sendable, Hashable {
    public var char: Character
    public var width: Int
    public var role: Role

    public init(_ char: Character, role: Role) {
        self.char = char
        self.width = DisplayWidth.of(char)
        self.role = role
    }

    init(_ char: Character, width: Int, role: Role) {
        self.char = char
        self.width = width
        self.role = role
    }
}

extension Array where Element == Span {
    /// The spans as glyphs: tabs and newlines become spaces, other control characters are dropped.
    public var glyphs: [Glyph] {
        var out: [Glyph] = []
        for span in self {
            for c in span.text {
                out.append(contentsOf: Glyph.sanitized(c, role: span.role))
            }
        }
        return out
    }
}

extension Glyph {
    /// The glyphs a character draws as, with terminal control characters removed.
    static func sanitized(_ c: Character, role: Role) -> [Glyph] {
        if c == "\t" || c == "\n" || c == "\r" || c == "\r\n" { return [Glyph(" ", width: 1, role: role)] }
        guard draws(c) else { return [] }
        return [Glyph(c, role: role)]
    }

    /// False for a terminal control character, which draws as nothing; every other character is one glyph.
    @inline(__always) static func draws(_ c: Character) -> Bool {
        if c == "\t" || c == "\n" || c == "\r" || c == "\r\n" { return true }
        guard let f = c.unicodeScalars.first else { return false }
        return !(f.value < 0x20 || (0x7F..<0xA0).contains(f.value))
    }

    /// Glyphs for plain text in one role.
    static func of(_ text: String, _ role: Role) -> [Glyph] {
        [Span(text, role)].glyphs
    }
}

/// A run of cells of one width, all spaces or all not: what wrapping reads of text.
struct CellRun: Sendable, Hashable {
    var space: Bool
    var width: Int
    var count: Int
}

/// Text reduced to what wrapping needs: the glyphs of `[Span].glyphs` as runs of cells of one width, so a word
/// of plain text is one run instead of a glyph per character.
struct CellRuns {
    private(set) var runs: [CellRun] = []

    mutating func removeAll() { runs.removeAll(keepingCapacity: true) }

    /// The index in `text` of each of `cells` (ascending cell numbers, counted as `CellRuns` counts the text's
    /// glyphs), `text.endIndex` for a cell past the last.
    static func indices(ofCells cells: [Int], in text: Substring) -> [String.Index] {
        var out: [String.Index] = []
        out.reserveCapacity(cells.count)
        var next = 0
        var cell = 0
        var i = text.startIndex
        while i < text.endIndex, next < cells.count {
            let c = text[i]
            if Glyph.draws(c) {
                while next < cells.count, cells[next] <= cell {
                    out.append(i)
                    next += 1
                }
                cell += 1
            }
            i = text.index(after: i)
        }
        while out.count < cells.count { out.append(text.endIndex) }
        return out
    }

    /// Adds `count` cells, joined to the last run when they are alike.
    @inline(__always)
    mutating func add(space: Bool, width: Int, count: Int = 1) {
        if let last = runs.indices.last, runs[last].space == space, runs[last].width == width {
            runs[last].count += count
        } else {
            runs.append(CellRun(space: space, width: width, count: count))
        }
    }

    /// The runs of glyphs (a space is a `" "` glyph).
    init(_ glyphs: [Glyph]) {
        for g in glyphs { add(space: g.char == " ", width: g.width) }
    }

    init() {}

    /// Appends the cells of one span's text: the same glyphs as `[Span].glyphs`, without building them.
    mutating func append(_ text: Substring) {
        let start = runs.count
        let last = runs.last
        var text = text
        if text.withUTF8({ appendSimple($0) }) { return }
        runs.removeSubrange(start...)
        if let last { runs[start - 1] = last }
        for c in text {
            for g in Glyph.sanitized(c, role: .text) { add(space: g.char == " ", width: g.width) }
        }
    }

    /// The fast path for UTF-8 whose every scalar is its own grapheme of width 1 (ASCII, Latin-1, general
    /// punctuation U+2010…U+2027 such as curly quotes and dashes), where only CR LF joins two scalars. False,
    /// with runs left to be undone, when a scalar outside that set is met.
    private mutating func appendSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x21..<0x7F:
                // A stretch of printable ASCII: one run.
                var j = i + 1
                while j < n, bytes[j] > 0x20, bytes[j] < 0x7F { j += 1 }
                add(space: false, width: 1, count: j - i)
                i = j
                continue
            case 0x0D:
                add(space: true, width: 1)
                i += i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1  // CR LF is one grapheme
                continue
            case 0x09, 0x0A, 0x20: add(space: true, width: 1)
            case 0..<0x20, 0x7F: break
            case 0xC2 where i + 1 < n && bytes[i + 1] >= 0xA0:  // U+00A0…U+00BF
                add(space: false, width: 1)
                i += 1
            case 0xC2 where i + 1 < n:  // U+0080…U+009F, control characters
                i += 1
            case 0xC3 where i + 1 < n:  // U+00C0…U+00FF
                add(space: false, width: 1)
                i += 1
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0xA7:
                add(space: false, width: 1)
                i += 2
            default: return false
            }
            i += 1
        }
        return true
    }
}

extension Array where Element == Glyph {
    /// Total columns.
    public var width: Int { reduce(0) { $0 + $1.width } }
}
