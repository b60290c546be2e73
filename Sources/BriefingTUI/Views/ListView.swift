/// Draws the list column: one line per row, the selection highlighted.
struct ListView {
    let state: AppState

    func draw(into grid: inout CellGrid) {
        let g = state.geometry
        let rows = state.visibleRows
        let width = g.listWidth
        if rows.count == 0 {
            let text =
                state.search.isActive && state.search.pane == state.at.pane
                ? "no matches" : "(no \(state.at.pane.title.lowercased()))"
            grid.write([Span(" " + text, .dim)], row: g.bodyTop, col: 0, limit: width)
            return
        }
        let scroll = state.at.scroll
        for line in 0..<g.bodyHeight {
            let position = scroll + line
            guard position < rows.count else { break }
            let item = rows[position]
            let r = g.bodyTop + line
            var glyphs = [Span(" ")].glyphs + RowText(index: state.index).spans(state.at.pane, item).glyphs
            if item == state.at.row {
                // The list keeps the keyboard in the timeline, so its selection stays bright there.
                let role: Role = state.at.focus == .list || state.showsTimeline ? .selectedRow : .selectedRowInactive
                glyphs = glyphs.map { Glyph($0.char, width: $0.width, role: role) }
                grid.fill(row: r, from: 0, to: width, role: role)
            }
            grid.write(glyphs, row: r, col: 0, limit: width)
        }
    }
}

/// The one-line text of a list row.
struct RowText {
    let index: CorpusIndex

    func spans(_ pane: Pane, _ row: Int) -> [Span] {
        switch pane {
        case .articles:
            let a = index.articles[row]
            return [Span((a.date?.description ?? "undated   ") + " ", .dim), Span(a.title)]
        case .speakers:
            let s = index.speakers[row]
            let n = index.quoteCount(speaker: s.id)
            return [Span(s.name, .speaker(index.slot(ofSpeaker: s.id))), Span(n > 0 ? "  \(n)" : "", .dim)]
        case .quotes:
            let q = index.quotes[row]
            let name = q.speaker.flatMap { index.speaker($0)?.name } ?? "?"
            return [
                Span(name, q.speaker == nil ? .dim : .speaker(index.slot(ofSpeaker: q.speaker))), Span(": "),
                Span("“" + q.text + "”", .quote),
            ]
        case .agenda:
            let e = index.agendaItems[row]
            if let name = e.item.name { return [Span(name), Span(" — " + e.item.text, .dim)] }
            return [Span(e.item.text)]
        case .events:
            let e = index.events[row]
            return [Span(EventTime.label(e).padding(toLength: 12, withPad: " ", startingAt: 0), .dim), Span(e.title)]
        }
    }
}
