/// Draws the tab row, the separator, the status line and the command line.
struct Chrome {
    let state: AppState

    func draw(into grid: inout CellGrid) {
        let g = state.geometry
        grid.fill(row: g.tabRow, from: 0, to: g.size.width, role: .tab)
        for (pane, range) in g.tabs {
            grid.write(
                [Span(Geometry.tabLabel(pane), pane == state.at.pane ? .tabActive : .tab)], row: g.tabRow,
                col: range.lowerBound, limit: max(0, g.size.width - range.lowerBound))
        }
        if state.showsTimeline {
            let label = " Timeline "
            let col = g.size.width - DisplayWidth.of(label) - 1
            if col > (g.tabs.last?.range.upperBound ?? 0) {
                grid.write([Span(label, .tabActive)], row: 0, col: col, limit: 12)
            }
        }
        for r in g.bodyTop..<(g.bodyTop + g.bodyHeight) {
            grid.put(Glyph("│", width: 1, role: .border), row: r, col: g.listWidth)
        }
        statusLine(into: &grid)
        commandLine(into: &grid)
    }

    private func statusLine(into grid: inout CellGrid) {
        let g = state.geometry
        let ix = state.index
        let rows = state.visibleRows
        grid.fill(row: g.statusRow, from: 0, to: g.size.width, role: .status)
        let position = rows.position(of: state.at.row).map { "\($0 + 1)/\(rows.count)" } ?? "0/\(rows.count)"
        var left = " \(state.at.pane.title) \(position)"
        if state.search.isActive && state.search.pane == state.at.pane { left += " (filtered)" }
        if state.at.focus == .detail && !state.showsTimeline {
            let layout = state.detailLayout
            let shown = min(layout.lineCount, state.at.detailScroll + g.bodyHeight)
            left += " · text \(layout.lineCount == 0 ? 100 : shown * 100 / layout.lineCount)%"
        }
        let counts =
            "\(ix.articles.count) articles · \(ix.speakers.count) speakers · \(ix.quotes.count) quotes · "
            + "\(ix.agendaItems.count) agenda items · \(ix.events.count) events"
        let hints = "?:help /:search q:quit "
        let hintsWidth = DisplayWidth.of(hints)
        let room = g.size.width - hintsWidth - 1
        grid.write(
            [Span(left, .statusKey), Span("  │ " + counts, .status)], row: g.statusRow, col: 0, limit: max(0, room))
        if room > 0 {
            grid.write([Span(hints, .status)], row: g.statusRow, col: g.size.width - hintsWidth, limit: hintsWidth)
        }
    }

    private func commandLine(into grid: inout CellGrid) {
        let g = state.geometry
        let s = state.search
        if s.editing {
            let n = s.matches.count
            let info =
                !state.searchReady
                ? "preparing the search; matches follow in a moment"
                : s.query.isEmpty ? "type to filter, Enter to keep, Esc to cancel" : "\(n) match\(n == 1 ? "" : "es")"
            let end = grid.write([Span("/" + s.query, .command)], row: g.commandRow, col: 0, limit: g.size.width - 1)
            grid.put(Glyph(" ", width: 1, role: .cursor), row: g.commandRow, col: end)
            grid.write(
                [Span("   " + info, .dim)], row: g.commandRow, col: end + 1, limit: max(0, g.size.width - end - 1))
            return
        }
        let spans: [Span]
        if let m = state.message {
            spans = [Span(m, .command)]
        } else if s.isActive && s.pane == state.at.pane {
            spans = [Span("/" + s.query, .command), Span("  n/N next/previous match · Esc clears", .dim)]
        } else if state.showsTimeline {
            spans = [Span("j/k or ]/[ move in time · Enter opens the event · t closes the timeline", .dim)]
        } else if state.at.focus == .detail {
            spans = [Span("j/k move · Enter follows the link · h back · L forward · ]/[ events in time", .dim)]
        } else {
            spans = [Span("Enter opens · Tab or 1-5 switch · t timeline · ]/[ events in time", .dim)]
        }
        grid.write(spans, row: g.commandRow, col: 0, limit: g.size.width)
    }
}

/// The help overlay, made from the key map.
struct HelpOverlay {
    let size: Size

    func draw(into grid: inout CellGrid) {
        let bindings = KeyMap.bindings
        let width = min(size.width - 2, 72)
        let height = min(size.height - 2, bindings.count + 4)
        guard width > 10, height > 4 else { return }
        let top = (size.height - height) / 2
        let left = (size.width - width) / 2
        for r in top..<(top + height) { grid.fill(row: r, from: left, to: left + width, role: .text) }
        let horizontal = String(repeating: "─", count: width - 2)
        grid.write([Span("┌" + horizontal + "┐", .border)], row: top, col: left, limit: width)
        grid.write([Span("└" + horizontal + "┘", .border)], row: top + height - 1, col: left, limit: width)
        for r in (top + 1)..<(top + height - 1) {
            grid.put(Glyph("│", width: 1, role: .border), row: r, col: left)
            grid.put(Glyph("│", width: 1, role: .border), row: r, col: left + width - 1)
        }
        grid.write([Span(" Keys (any key closes) ", .heading)], row: top, col: left + 2, limit: width - 4)
        let inner = width - 4
        let room = height - 2
        for (i, b) in bindings.enumerated() {
            guard i < room else { break }
            let keys = b.keys.map(\.label).joined(separator: " ")
            let spans = [Span(keys.padding(toLength: 26, withPad: " ", startingAt: 0), .label), Span(b.help)]
            let last = i == room - 1 && bindings.count > room
            grid.write(
                last ? [Span("… (enlarge the terminal for the rest)", .dim)] : spans,
                row: top + 1 + i, col: left + 2, limit: inner)
        }
    }
}
