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
        walk(
            CellRuns(glyphs).runs, width: width, place: { for k in $0 { line.append(fitted(glyphs[k], width)) } },
            breakLine: {
                while let last = line.last, last.char == " " {
                    line.removeLast()
                }
                lines.append(line)
                line = []
            })
        return lines
    }

    /// How many lines `wrap` makes of styled text, without building them.
    public static func lineCount(_ spans: [Span], width: Int) -> Int {
        var cells = CellRuns()
        for span in spans { cells.append(span.text[...]) }
        return lineCount(of: cells, width: width)
    }

    /// How many lines `wrap` makes of text reduced to its cells.
    static func lineCount(of cells: CellRuns, width: Int) -> Int {
        guard width > 0 else { return 0 }
        var count = 0
        walk(cells.runs, width: width, place: { _ in }, breakLine: { count += 1 })
        return count
    }

    /// The first cell of each line `wrap` makes of text reduced to its cells (for a line with none, the cell the
    /// line before started at). Wrapping the text from a line's first cell makes the same lines from there on.
    static func lineStarts(of cells: CellRuns, width: Int) -> [Int] {
        guard width > 0 else { return [] }
        var starts: [Int] = []
        var start: Int?
        walk(
            cells.runs, width: width, place: { if start == nil { start = $0.lowerBound } },
            breakLine: {
                starts.append(start ?? starts.last ?? 0)
                start = nil
            })
        return starts
    }

    /// The wrapping itself, over runs of cells: `place` puts cells (by index) on the current line, `breakLine`
    /// ends it. Spaces at the start of a line are skipped; a word goes to the next line when it does not fit, and
    /// is split only when it is wider than a whole line.
    @inline(__always)
    private static func walk(
        _ runs: [CellRun], width: Int, place: (Range<Int>) -> Void, breakLine: () -> Void
    ) {
        var used = 0
        var placed = false
        var lines = 0
        func newLine() {
            breakLine()
            used = 0
            placed = false
            lines += 1
        }
        var r = 0
        var cell = 0
        while r < runs.count {
            // A token: the runs up to the next change between spaces and the rest.
            let space = runs[r].space
            var end = r
            var tokenWidth = 0
            var cells = 0
            while end < runs.count, runs[end].space == space {
                tokenWidth += fittedWidth(runs[end].width, width) * runs[end].count
                cells += runs[end].count
                end += 1
            }
            if space && used == 0 {
                // skipped at the start of a line
            } else if used + tokenWidth <= width {
                place(cell..<(cell + cells))
                used += tokenWidth
                placed = true
            } else if space {
                newLine()
            } else {
                if used > 0 && tokenWidth <= width { newLine() }
                var k = cell
                for run in runs[r..<end] {
                    let w = fittedWidth(run.width, width)
                    for _ in 0..<run.count {
                        if used + w > width { newLine() }
                        place(k..<(k + 1))
                        used += w
                        placed = true
                        k += 1
                    }
                }
            }
            cell += cells
            r = end
        }
        if placed || lines == 0 { newLine() }
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

    /// The width a cell takes on a line `width` wide (an ellipsis in place of a wider one).
    private static func fittedWidth(_ w: Int, _ width: Int) -> Int { w > width ? 1 : w }
}
