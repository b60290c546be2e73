/// Draws a whole frame from a state: a pure function, snapshot-tested as text.
public enum FrameRenderer {
    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height)
        let g = state.geometry
        if g.tooSmall {
            tooSmall(into: &grid, size: state.size)
            return grid
        }
        Chrome(state: state).draw(into: &grid)
        ListView(state: state).draw(into: &grid)
        if state.showsTimeline {
            TimelineView(state: state).draw(into: &grid)
        } else {
            DetailView(state: state).draw(into: &grid)
        }
        if state.overlay == .help { HelpOverlay(size: state.size).draw(into: &grid) }
        return grid
    }

    /// The short message shown instead of a layout that would not fit.
    static func tooSmall(into grid: inout CellGrid, size: Size) {
        let lines = [
            "Terminal too small",
            "\(size.width)x\(size.height), need \(Geometry.minWidth)x\(Geometry.minHeight)",
            "enlarge it, or q to quit",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, l) in lines.enumerated() where top + i < size.height {
            let w = min(size.width, DisplayWidth.of(l))
            grid.write(
                [Span(l, i == 0 ? .warning : .text)], row: top + i, col: max(0, (size.width - w) / 2), limit: size.width
            )
        }
    }
}
