/// The reader's logic as a pure function: `update(state, action) -> state`.
public enum Reducer {
    public static func update(_ state: AppState, _ action: Action) -> AppState {
        var s = state
        if case .searchReady(let engine) = action {
            // Not a key: the message, overlay and position stay; a query typed meanwhile gets its matches.
            s.searcher = engine.search
            s.searchReady = true
            if s.search.isActive && s.search.pane == s.at.pane {
                s.refreshSearch()
            } else if s.search.isActive {
                s.search.matches = s.searcher.matches(s.search.query, in: s.search.pane)
            }
            return s.clamped()
        }
        s.message = nil
        if s.overlay == .help {
            switch action {
            case .quit: s.quit = true
            case .resize(let size): s.size = size
            default: s.overlay = .none
            }
            return s.clamped()
        }
        switch action {
        case .quit: s.quit = true
        case .help: s.overlay = .help
        case .resize(let size): s.size = size
        case .up: s.move(by: -1)
        case .down: s.move(by: 1)
        case .top: s.moveToEdge(top: true)
        case .bottom: s.moveToEdge(top: false)
        case .pageDown: s.page(by: s.geometry.bodyHeight - 1)
        case .pageUp: s.page(by: -(s.geometry.bodyHeight - 1))
        case .halfDown: s.page(by: max(1, s.geometry.bodyHeight / 2))
        case .halfUp: s.page(by: -max(1, s.geometry.bodyHeight / 2))
        case .nextPane: s.show(s.at.pane.next)
        case .previousPane: s.show(s.at.pane.previous)
        case .showPane(let p): s.show(p)
        case .open: s.open()
        case .back: s.back()
        case .forward:
            if let next = s.history.goForward(from: s.at) {
                s.at = next
            } else {
                s.message = "Nothing to go forward to"
            }
        case .startSearch:
            s.search = SearchState(editing: true, query: "", pane: s.at.pane, matches: [], origin: s.at)
        case .searchInput(let c):
            s.search.query.append(c)
            s.refreshSearch()
        case .searchErase:
            if !s.search.query.isEmpty { s.search.query.removeLast() }
            s.refreshSearch()
        case .searchAccept:
            s.search.editing = false
            s.search.origin = nil
            if s.search.query.isEmpty {
                s.search = SearchState()
            } else {
                let n = s.search.matches.count
                s.message =
                    n == 0
                    ? "No matches for “\(s.search.query)”"
                    : "\(n) match\(n == 1 ? "" : "es") — n/N to step, Esc to clear"
            }
        case .nextMatch: s.stepMatch(by: 1)
        case .previousMatch: s.stepMatch(by: -1)
        case .cancel: s.cancel()
        case .nextEvent: s.stepEvent(by: 1)
        case .previousEvent: s.stepEvent(by: -1)
        case .toggleTimeline:
            if s.at.pane == .events {
                s.at.timeline.toggle()
            } else {
                s.history.push(s.at)
                s.at.pane = .events
                s.at.timeline = true
            }
            s.at.focus = .list
        case .click(let row, let col): s.click(row: row, col: col)
        case .wheel(let delta, let row, let col): s.wheel(delta: delta, row: row, col: col)
        case .searchReady: break
        }
        return s.clamped()
    }
}

extension AppState {
    // MARK: moving

    fileprivate mutating func move(by delta: Int) {
        if at.focus == .detail && !showsTimeline {
            moveCursor(by: delta)
        } else {
            select(position: (visibleRows.position(of: at.row) ?? 0) + delta)
        }
    }

    fileprivate mutating func moveToEdge(top: Bool) {
        if at.focus == .detail && !showsTimeline {
            let layout = detailLayout
            at.detailScroll = top ? 0 : maxDetailScroll(layout)
            at.cursor = layout.stops.isEmpty ? nil : (top ? 0 : layout.stops.count - 1)
        } else {
            select(position: top ? 0 : visibleRows.count - 1)
        }
    }

    fileprivate mutating func page(by delta: Int) {
        if at.focus == .detail && !showsTimeline {
            let layout = detailLayout
            at.detailScroll = max(0, min(maxDetailScroll(layout), at.detailScroll + delta))
            keepCursorInView(layout)
        } else {
            select(position: (visibleRows.position(of: at.row) ?? 0) + delta)
        }
    }

    /// Selects the item at a position of the visible list and resets the detail.
    fileprivate mutating func select(position: Int) {
        let rows = visibleRows
        guard rows.count > 0 else { return }
        let p = max(0, min(rows.count - 1, position))
        if rows[p] != at.row {
            at.row = rows[p]
            at.detailScroll = 0
            at.cursor = nil
        }
    }

    /// The Events pane shows the timeline in place of the detail.
    var showsTimeline: Bool { at.pane == .events && at.timeline }

    fileprivate func maxDetailScroll(_ layout: DocLayout) -> Int {
        max(0, layout.lineCount - geometry.bodyHeight)
    }

    /// Moves the detail cursor to the next stop in view, scrolling line by line through text between stops.
    fileprivate mutating func moveCursor(by delta: Int) {
        let layout = detailLayout
        let view = geometry.bodyHeight
        let maxScroll = maxDetailScroll(layout)
        let current = at.cursor.flatMap { layout.range(ofStop: $0) }
        if delta > 0 {
            if let r = current, r.upperBound > at.detailScroll + view, at.detailScroll < maxScroll {
                at.detailScroll += 1
            } else if let c = at.cursor, let next = layout.range(ofStop: c + 1),
                next.lowerBound < at.detailScroll + view
            {
                at.cursor = c + 1
            } else if at.cursor == nil, let first = layout.range(ofStop: 0), first.lowerBound < at.detailScroll + view {
                at.cursor = 0
            } else if at.detailScroll < maxScroll {
                at.detailScroll += 1
            }
        } else {
            if let r = current, r.lowerBound < at.detailScroll {
                at.detailScroll -= 1
            } else if let c = at.cursor, c > 0, let prev = layout.range(ofStop: c - 1),
                prev.upperBound > at.detailScroll
            {
                at.cursor = c - 1
            } else if at.detailScroll > 0 {
                at.detailScroll -= 1
            }
        }
        keepCursorInView(layout)
    }

    /// Puts the cursor on a stop that is visible when the current one scrolled away.
    fileprivate mutating func keepCursorInView(_ layout: DocLayout) {
        let view = at.detailScroll..<(at.detailScroll + geometry.bodyHeight)
        if let c = at.cursor, let r = layout.range(ofStop: c), r.overlaps(view) || r.isEmpty { return }
        at.cursor = layout.stops.indices.first { layout.range(ofStop: $0)?.overlaps(view) ?? false } ?? at.cursor
    }

    // MARK: panes and jumps

    fileprivate mutating func show(_ pane: Pane) {
        if search.editing { search.editing = false }
        if pane != at.pane {
            history.push(at)
            at.detailScroll = 0
            at.cursor = nil
        }
        at.pane = pane
        at.focus = .list
    }

    fileprivate mutating func open() {
        if at.focus == .list {
            if showsTimeline {
                history.push(at)
                at.timeline = false
                enterDetail()
            } else if at.pane == .quotes, at.row < index.quotes.count {
                let q = index.quotes[at.row]
                jump(to: .paragraph(q.article, q.paragraph))
            } else if index.count(at.pane) > 0 {
                history.push(at)
                enterDetail()
            }
            return
        }
        let layout = detailLayout
        guard let c = at.cursor, c < layout.stops.count, let link = layout.doc.blocks[layout.stops[c]].link else {
            message = "Nothing to open here"
            return
        }
        follow(link)
    }

    fileprivate mutating func enterDetail() {
        at.focus = .detail
        at.detailScroll = 0
        at.cursor = detailLayout.stops.isEmpty ? nil : 0
    }

    /// Follows a link of the detail pane; a paragraph of the article being read leads to its events.
    mutating func follow(_ link: Link) {
        if case .paragraph(let article, let p) = link, at.pane == .articles,
            index.row(of: .article(article))?.1 == at.row
        {
            let events = index.events(article: article, paragraph: p)
            guard let first = events.first else {
                message = "No events are mentioned in this paragraph"
                return
            }
            jump(to: .event(first))
            return
        }
        jump(to: link)
    }

    /// Goes to a link's item, recording where we were.
    mutating func jump(to link: Link) {
        guard let (pane, row) = index.row(of: link) else {
            message = "Not in this corpus"
            return
        }
        history.push(at)
        if search.isActive && search.pane == pane && !search.matches.contains(row) { search = SearchState() }
        search.editing = false
        at.pane = pane
        at.row = row
        at.focus = .detail
        at.detailScroll = 0
        at.timeline = false
        let layout = detailLayout
        at.cursor = layout.stops.isEmpty ? nil : 0
        if case .paragraph = link, let stop = layout.stop(for: link), let r = layout.range(ofStop: stop) {
            at.cursor = stop
            at.detailScroll = max(0, min(maxDetailScroll(layout), r.lowerBound - 1))
        }
        keepListSelectionVisible()
    }

    fileprivate mutating func back() {
        if let previous = history.goBack(from: at) {
            at = previous
        } else if at.focus == .detail {
            at.focus = .list
        } else {
            message = "Nothing to go back to"
        }
    }

    fileprivate mutating func stepEvent(by delta: Int) {
        let n = index.events.count
        guard n > 0 else {
            message = "No events in this corpus"
            return
        }
        let current = at.rows[Pane.events.rawValue]
        // From another pane, start at the event the current quote or paragraph mentions, if any.
        let target = at.pane == .events ? current + delta : (contextEventRow() ?? current)
        guard target >= 0, target < n else {
            message = delta > 0 ? "No later event" : "No earlier event"
            return
        }
        let timeline = at.timeline && at.pane == .events
        let focus = at.pane == .events ? at.focus : .list
        history.push(at)
        if search.isActive && search.pane == .events && !search.matches.contains(target) { search = SearchState() }
        at.pane = .events
        at.rows[Pane.events.rawValue] = target
        at.detailScroll = 0
        at.timeline = timeline
        at.focus = focus
        at.cursor = focus == .detail ? (detailLayout.stops.isEmpty ? nil : 0) : nil
        let e = index.events[target]
        message = "\(EventTime.label(e))  \(e.title)"
    }

    /// The row of the event the selected quote, or the paragraph or link under the cursor, is about.
    func contextEventRow() -> Int? {
        var ids: [String] = []
        switch at.pane {
        case .quotes where at.row < index.quotes.count:
            let q = index.quotes[at.row]
            ids = q.events + index.events(article: q.article, paragraph: q.paragraph)
        case .articles, .speakers, .agenda:
            let layout = detailLayout
            guard at.focus == .detail, let c = at.cursor, c < layout.stops.count else { return nil }
            switch layout.doc.blocks[layout.stops[c]].link {
            case .event(let id): ids = [id]
            case .paragraph(let a, let p): ids = index.events(article: a, paragraph: p)
            case .quote(let id):
                ids =
                    index.quote(id).map { $0.events + index.events(article: $0.article, paragraph: $0.paragraph) } ?? []
            default: return nil
            }
        default: return nil
        }
        return ids.lazy.compactMap { self.index.row(of: .event($0))?.1 }.first
    }

    // MARK: search

    fileprivate mutating func refreshSearch() {
        guard search.isActive else {
            search.matches = []
            if let origin = search.origin { at = origin }
            return
        }
        search.matches = searcher.matches(search.query, in: search.pane)
        if let first = search.matches.first {
            let origin = search.origin?.rows[search.pane.rawValue] ?? at.row
            let pick = search.matches.first { $0 >= origin } ?? first
            if pick != at.row {
                at.row = pick
                at.detailScroll = 0
                at.cursor = nil
            }
        }
        at.focus = .list
    }

    fileprivate mutating func stepMatch(by delta: Int) {
        guard search.isActive, search.pane == at.pane else {
            message = "No search: press / to search"
            return
        }
        let m = search.matches
        guard !m.isEmpty else {
            message = "No matches for “\(search.query)”"
            return
        }
        let i = m.firstIndex(of: at.row) ?? (delta > 0 ? -1 : 0)
        let next = ((i + delta) % m.count + m.count) % m.count
        at.row = m[next]
        at.detailScroll = 0
        at.cursor = nil
        if at.focus == .detail { at.cursor = detailLayout.stops.isEmpty ? nil : 0 }
        message = "Match \(next + 1)/\(m.count) for “\(search.query)”"
    }

    fileprivate mutating func cancel() {
        if search.editing {
            if let origin = search.origin { at = origin }
            search = SearchState()
        } else if search.isActive {
            search = SearchState()
            message = "Search cleared"
        } else if at.focus == .detail {
            at.focus = .list
        } else if showsTimeline {
            at.timeline = false
        }
    }

    // MARK: mouse

    fileprivate mutating func click(row: Int, col: Int) {
        let g = geometry
        guard !g.tooSmall else { return }
        if row == g.tabRow {
            if let hit = g.tabs.first(where: { $0.range.contains(col) }) { show(hit.pane) }
            return
        }
        guard row >= g.bodyTop, row < g.bodyTop + g.bodyHeight else { return }
        if col < g.listWidth {
            let position = at.scroll + row - g.bodyTop
            let rows = visibleRows
            guard position < rows.count else { return }
            if rows[position] == at.row && at.focus == .list {
                open()
            } else {
                at.focus = .list
                select(position: position)
            }
        } else if col > g.listWidth && !showsTimeline {
            let layout = detailLayout
            let line = at.detailScroll + row - g.bodyTop
            guard let stop = layout.stops.indices.first(where: { layout.range(ofStop: $0)?.contains(line) ?? false })
            else {
                at.focus = .detail
                return
            }
            if at.focus == .detail && at.cursor == stop {
                open()
            } else {
                at.focus = .detail
                at.cursor = stop
            }
        }
    }

    fileprivate mutating func wheel(delta: Int, row: Int, col: Int) {
        let g = geometry
        if col > g.listWidth && !showsTimeline {
            let layout = detailLayout
            at.detailScroll = max(0, min(maxDetailScroll(layout), at.detailScroll + delta))
            if at.focus == .detail { keepCursorInView(layout) }
        } else {
            select(position: (visibleRows.position(of: at.row) ?? 0) + delta)
        }
    }

    // MARK: invariants

    /// Keeps selections and scrolls inside their lists after any change (including resizes).
    func clamped() -> AppState {
        var s = self
        for p in Pane.allCases {
            let n = s.index.count(p)
            s.at.rows[p.rawValue] = max(0, min(max(0, n - 1), s.at.rows[p.rawValue]))
        }
        if s.search.isActive, s.search.pane == s.at.pane, !s.search.matches.isEmpty,
            !s.search.matches.contains(s.at.row)
        {
            s.at.row = s.search.matches[0]
        }
        s.keepListSelectionVisible()
        if !s.geometry.tooSmall && (s.at.focus == .detail || s.at.detailScroll > 0) {
            let layout = s.detailLayout
            s.at.detailScroll = max(0, min(s.maxDetailScroll(layout), s.at.detailScroll))
            if let c = s.at.cursor, c >= layout.stops.count {
                s.at.cursor = layout.stops.isEmpty ? nil : layout.stops.count - 1
            }
        }
        return s
    }

    fileprivate mutating func keepListSelectionVisible() {
        let h = geometry.bodyHeight
        let rows = visibleRows
        let p = rows.position(of: at.row) ?? 0
        var scroll = at.scroll
        if p < scroll { scroll = p }
        if p >= scroll + h { scroll = p - h + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - h)))
        at.scroll = scroll
    }
}
