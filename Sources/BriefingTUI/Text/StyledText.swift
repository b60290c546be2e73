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
        if let f = c.unicodeScalars.first, f.value < 0x20 || (0x7F..<0xA0).contains(f.value) { return [] }
        return [Glyph(c, role: role)]
    }

    /// Glyphs for plain text in one role.
    static func of(_ text: String, _ role: Role) -> [Glyph] {
        [Span(text, role)].glyphs
    }
}

extension Array where Element == Glyph {
    /// Total columns.
    public var width: Int { reduce(0) { $0 + $1.width } }
}
