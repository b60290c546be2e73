/// Draws the detail pane: the wrapped doc from its scroll line, the cursor marked in the gutter.
struct DetailView {
    let state: AppState

    func draw(into grid: inout CellGrid) {
        let g = state.geometry
        let layout = state.detailLayout
        let cursorLines = state.at.cursor.flatMap { layout.range(ofStop: $0) } ?? 0..<0
        let active = state.at.focus == .detail
        let top = state.at.detailScroll
        for (line, glyphs) in layout.lines(top..<(top + g.bodyHeight), query: state.highlight).enumerated() {
            let r = g.bodyTop + line
            if active && cursorLines.contains(top + line) {
                grid.put(Glyph("▌", width: 1, role: .cursor), row: r, col: g.detailX)
            }
            grid.write(glyphs, row: r, col: g.textX, limit: g.textWidth)
        }
    }
}
