import BriefingModel

/// Draws every event on a vertical time axis: month ticks, gaps, the selected event and its relations marked.
struct TimelineView {
    let state: AppState

    /// One line of the timeline and the event it shows, if any.
    struct Line {
        var spans: [Span]
        var event: Int?
    }

    func lines(width: Int) -> [Line] {
        let index = state.index
        let events = index.events
        let selected = state.at.rows[Pane.events.rawValue]
        var relations: [String: String] = [:]
        if selected < events.count {
            for r in events[selected].related where relations[r.event] == nil {
                relations[r.event] = r.relation.rawValue
            }
            for r in index.incoming(event: events[selected].id) where relations[r.event] == nil {
                relations[r.event] = r.label
            }
        }
        var out: [Line] = [
            Line(spans: [
                Span("● selected  ", .markerSelected), Span("◆ related (◀ how ● stands to it)  ", .relation),
                Span("○ other", .dim),
            ]),
            Line(spans: []),
        ]
        let pad = "        "
        var lastMonth: Int?
        var undatedStarted = false
        for (i, e) in events.enumerated() {
            let key = EventTime.sortKey(e)
            if key == Int.max {
                if !undatedStarted {
                    out.append(Line(spans: [Span(pad, .dim), Span("┆", .axis)]))
                    out.append(Line(spans: [Span("undated ", .label), Span("┼", .axis)]))
                    undatedStarted = true
                }
            } else {
                let day = Day(ordinal: key)
                let month = day.year * 12 + day.month - 1
                if month != lastMonth {
                    if let last = lastMonth, month - last > 1 {
                        let gap = month - last - 1
                        out.append(
                            Line(spans: [
                                Span(pad), Span("┊", .axis), Span("   \(gap) month\(gap == 1 ? "" : "s")", .dim),
                            ]))
                    } else if lastMonth != nil {
                        out.append(Line(spans: [Span(pad), Span("│", .axis)]))
                    }
                    let label = String(day.description.prefix(7))
                    out.append(Line(spans: [Span(label + " ", .label), Span("┼", .axis), Span("─", .axis)]))
                    lastMonth = month
                }
            }
            let marker: Span
            var tail: [Span] = []
            if i == selected {
                marker = Span("●", .markerSelected)
            } else if let rel = relations[e.id] {
                marker = Span("◆", .relation)
                tail.append(Span("  ◀ " + rel, .relation))
            } else {
                marker = Span("○", .dim)
            }
            let date = key == Int.max ? "" : dayLabel(e)
            var spans = [Span(pad), Span("├─", .axis), marker, Span(" " + date, .dim)]
            spans.append(Span(e.title, i == selected ? .title : .text))
            if e.planned { spans.append(Span(" (planned)", .dim)) }
            spans.append(contentsOf: tail)
            out.append(Line(spans: spans, event: i))
        }
        if events.isEmpty { out.append(Line(spans: [Span("No events in this corpus.", .dim)])) }
        return out
    }

    func draw(into grid: inout CellGrid) {
        let g = state.geometry
        let all = lines(width: g.textWidth)
        let selected = state.at.rows[Pane.events.rawValue]
        let at = all.firstIndex { $0.event == selected } ?? 0
        let h = g.bodyHeight
        let scroll = max(0, min(max(0, all.count - h), at - h / 2))
        for line in 0..<h {
            let i = scroll + line
            guard i < all.count else { break }
            grid.write(all[i].spans, row: g.bodyTop + line, col: g.textX, limit: g.textWidth)
        }
    }

    /// "02-27 " for a day, "02    " for a month, "~02-27 " for an approximate date.
    private func dayLabel(_ e: Event) -> String {
        guard let d = e.date else { return "" }
        let parts = d.value.split(separator: "-")
        let body = parts.dropFirst().joined(separator: "-")
        let text = (d.precision == .approximate ? "~" : "") + (body.isEmpty ? d.value : body)
        return text.padding(toLength: 7, withPad: " ", startingAt: 0)
    }
}
