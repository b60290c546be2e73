/// Draws the detail pane: the wrapped doc from its scroll line, the cursor marked in the gutter.
struct DetailView {
    let state: AppState

    func draw(into grid: inout CellGrid) {
        let g = state.geometry
        let layout = state.detailLayout
        let cursorLines = state.at.cursor.flatMap { layout.range(ofStop: $0) } ?? 0..<0
        let active = state.at.focus == .detail
        for line in 0..<g.bodyHeight {
            let i = state.at.detailScroll + line
            guard i < layout.lines.count else { break }
            let r = g.bodyTop + line
            if active && cursorLines.contains(i) {
                grid.put(Glyph("▌", width: 1, role: .cursor), row: r, col: g.detailX)
            }
            grid.write(layout.lines[i], row: r, col: g.textX, limit: g.textWidth)
        }
    }
}
