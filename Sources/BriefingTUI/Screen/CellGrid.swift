/// One terminal cell: a grapheme with its width (0 marks the right half of a wide character) and role.
public struct Cell: Sendable, Hashable {
    public var char: Character
    public var width: Int
    public var role: Role

    public static let blank = Cell(char: " ", width: 1, role: .text)
}

/// An in-memory frame: the reader draws every frame here, screens present it.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, col: Int) -> Cell {
        guard row >= 0, row < height, col >= 0, col < width else { return .blank }
        return cells[row * width + col]
    }

    /// Places one glyph; returns the column after it. A wide glyph that does not fit becomes a space.
    @discardableResult
    public mutating func put(_ glyph: Glyph, row: Int, col: Int) -> Int {
        guard row >= 0, row < height, col >= 0, col < width else { return col + max(glyph.width, 0) }
        if glyph.width == 0 { return col }
        if glyph.width == 2 && col + 1 >= width {
            set(row, col, Cell(char: " ", width: 1, role: glyph.role))
            return col + 1
        }
        set(row, col, Cell(char: glyph.char, width: glyph.width, role: glyph.role))
        if glyph.width == 2 { set(row, col + 1, Cell(char: " ", width: 0, role: glyph.role)) }
        return col + glyph.width
    }

    /// Writes glyphs from `col`, never past `limit` columns (cut with an ellipsis when longer).
    @discardableResult
    public mutating func write(_ glyphs: [Glyph], row: Int, col: Int, limit: Int) -> Int {
        var c = col
        for g in Wrapper.cut(glyphs, width: limit) { c = put(g, row: row, col: c) }
        return c
    }

    /// Writes styled text, cut to `limit`.
    @discardableResult
    public mutating func write(_ spans: [Span], row: Int, col: Int, limit: Int) -> Int {
        write(spans.glyphs, row: row, col: col, limit: limit)
    }

    /// Fills columns `from..<to` of a row with spaces in a role.
    public mutating func fill(row: Int, from: Int, to: Int, role: Role) {
        guard from < to else { return }
        for c in max(0, from)..<min(width, to) { put(Glyph(" ", width: 1, role: role), row: row, col: c) }
    }

    /// Keeps wide characters whole when a neighbour is overwritten.
    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        let i = row * width + col
        if cells[i].width == 0 && col > 0 { cells[i - 1] = Cell(char: " ", width: 1, role: cells[i - 1].role) }
        if cells[i].width == 2 && cell.width != 2 && col + 1 < width {
            cells[i + 1] = Cell(char: " ", width: 1, role: cells[i + 1].role)
        }
        cells[i] = cell
    }

    /// One row as text (the right halves of wide characters are skipped).
    public func line(_ row: Int) -> String {
        var s = ""
        for c in 0..<width where self[row, c].width != 0 { s.append(self[row, c].char) }
        return s
    }

    /// The whole frame as text, trailing spaces removed per line: what snapshot tests compare.
    public var text: String {
        (0..<height).map { r in
            var l = line(r)
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}
