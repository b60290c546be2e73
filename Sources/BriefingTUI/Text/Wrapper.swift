/// Word wrapping and ellipsis cutting by display width (never splits a grapheme or a wide character).
public enum Wrapper {
    /// Wraps styled text into lines no wider than `width`, breaking at spaces, and inside words only when a
    /// word is wider than the line.
    public static func wrap(_ spans: [Span], width: Int) -> [[Glyph]] {
        wrap(glyphs: spans.glyphs, width: width)
    }

    /// Wraps glyphs into lines no wider than `width`.
    public static func wrap(glyphs: [Glyph], width: Int) -> [[Glyph]] {
        guard width > 0 else { return [] }
        var lines: [[Glyph]] = []
        var line: [Glyph] = []
        var used = 0
        func breakLine() {
            while let last = line.last, last.char == " " {
                line.removeLast()
            }
            lines.append(line)
            line = []
            used = 0
        }
        var i = 0
        while i < glyphs.count {
            let isSpace = glyphs[i].char == " "
            var j = i
            var tokenWidth = 0
            while j < glyphs.count, (glyphs[j].char == " ") == isSpace {
                tokenWidth += fitted(glyphs[j], width).width
                j += 1
            }
            if isSpace {
                if used > 0 {
                    if used + tokenWidth <= width {
                        for k in i..<j { line.append(glyphs[k]) }
                        used += tokenWidth
                    } else {
                        breakLine()
                    }
                }
            } else if used + tokenWidth <= width {
                for k in i..<j { line.append(fitted(glyphs[k], width)) }
                used += tokenWidth
            } else {
                if used > 0 && tokenWidth <= width { breakLine() }
                for k in i..<j {
                    let g = fitted(glyphs[k], width)
                    if used + g.width > width { breakLine() }
                    line.append(g)
                    used += g.width
                }
            }
            i = j
        }
        if !line.isEmpty || lines.isEmpty { breakLine() }
        return lines
    }

    /// Cuts glyphs to `width` columns, ending with "…" when anything was cut.
    public static func cut(_ glyphs: [Glyph], width: Int) -> [Glyph] {
        guard width > 0 else { return [] }
        if glyphs.width <= width { return glyphs }
        var out: [Glyph] = []
        var used = 0
        for g in glyphs {
            if used + g.width > width - 1 { break }
            out.append(g)
            used += g.width
        }
        while let last = out.last, last.char == " " {
            out.removeLast()
            used -= 1
        }
        let role = out.last?.role ?? glyphs.first?.role ?? .text
        out.append(Glyph("…", width: 1, role: role))
        return out
    }

    /// Cuts styled text to `width` columns.
    public static func cut(_ spans: [Span], width: Int) -> [Glyph] {
        cut(spans.glyphs, width: width)
    }

    /// A glyph wider than the whole line is shown as an ellipsis instead.
    private static func fitted(_ g: Glyph, _ width: Int) -> Glyph {
        g.width > width ? Glyph("…", width: 1, role: g.role) : g
    }
}
