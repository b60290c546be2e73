import BriefingModel

/// Builds the detail pane's doc for the selected item of a pane.
struct DetailBuilder {
    let index: CorpusIndex

    func doc(pane: Pane, row: Int) -> Doc {
        guard row >= 0, row < index.count(pane) else {
            var d = Doc()
            d.add([Span("Nothing to show: the \(pane.title.lowercased()) list is empty.", .dim)])
            return d
        }
        switch pane {
        case .articles: return article(index.articles[row])
        case .speakers: return speaker(index.speakers[row])
        case .quotes: return quote(index.quotes[row])
        case .agenda: return agenda(index.agendaItems[row])
        case .events: return event(index.events[row])
        }
    }

    // MARK: panes

    func article(_ a: Article) -> Doc {
        var d = Doc()
        d.add([Span(a.title, .title)])
        let meta = [a.date?.description, a.source, a.author.map { "by " + $0 }].compactMap { $0 }
        if !meta.isEmpty { d.add([Span(meta.joined(separator: " · "), .dim)]) }
        d.add([Span(a.path, .dim)])
        for w in index.warnings(path: a.path) {
            d.add([Span("⚠ ", .warning), Span(w.line > 0 ? "line \(w.line): \(w.message)" : w.message, .warning)])
        }
        for (i, _) in a.paragraphs.enumerated() {
            d.space()
            d.add(.paragraph(ParagraphRef(article: a.id, paragraph: i)), link: .paragraph(a.id, i))
            for eid in index.events(article: a.id, paragraph: i) {
                guard let e = index.event(eid) else { continue }
                d.add(
                    [Span("↳ event: ", .dim), Span(e.title, .link), Span("  " + EventTime.label(e), .dim)],
                    link: .event(e.id), indent: 2)
            }
        }
        if a.paragraphs.isEmpty { d.add([Span("(this article has no text)", .dim)]) }
        return d
    }

    func speaker(_ s: Speaker) -> Doc {
        var d = Doc()
        let slot = index.slot(ofSpeaker: s.id)
        d.add([Span(s.name, .speaker(slot))])
        d.field("Kind", s.kind.rawValue)
        d.field("Role", s.role ?? "—")
        d.field("Also called", s.aliases.isEmpty ? "—" : s.aliases.joined(separator: ", "))
        let articles = s.articleCount
        d.field("Mentioned", "\(s.mentions.count) times in \(articles) article\(articles == 1 ? "" : "s")")
        let quotes = index.quoteRows(speaker: s.id)
        d.heading("Quotes (\(quotes.count)), by date")
        if quotes.isEmpty { d.add([Span("none", .dim)]) }
        d.add(quotes: ids(quotes), withSpeaker: false)
        let events = Self.sorted(
            index.eventRows(aboutQuotes: quotes).map { index.events[Int($0)] }, by: EventTime.sortKey)
        d.heading("Events they spoke about (\(events.count))")
        if events.isEmpty { d.add([Span("none", .dim)]) }
        for e in events { d.add(eventLine(e), link: .event(e.id)) }
        return d
    }

    func quote(_ q: Quote) -> Doc {
        var d = Doc()
        d.add([Span("“" + q.text + "”", .quote)], matches: .quote)
        d.space()
        if let sid = q.speaker, let s = index.speaker(sid) {
            d.add([Span("Speaker: ", .label), Span(s.name, .speaker(index.slot(ofSpeaker: sid)))], link: .speaker(sid))
        } else {
            d.field("Speaker", "unknown", .dim)
        }
        if let cue = q.cue { d.field("Cue", cue) }
        let a = index.article(q.article)
        d.field("Date", a?.date?.description ?? "unknown")
        d.add(
            [Span("In: ", .label), Span(a?.title ?? q.article, .link), Span("  ¶\(q.paragraph + 1) (open)", .dim)],
            link: .paragraph(q.article, q.paragraph))
        if !q.pillars.isEmpty {
            d.heading("Agenda items")
            for p in q.pillars { d.add([Span(itemName(p), .link)], link: .agendaItem(p)) }
        }
        var eids: [String] = []
        for e in q.events + index.events(article: q.article, paragraph: q.paragraph) where !eids.contains(e) {
            eids.append(e)
        }
        if !eids.isEmpty {
            d.heading("Events")
            for eid in eids { if let e = index.event(eid) { d.add(eventLine(e), link: .event(eid)) } }
        }
        d.heading("In context")
        d.add(.paragraph(ParagraphRef(article: q.article, paragraph: q.paragraph)))
        return d
    }

    func agenda(_ entry: AgendaEntry) -> Doc {
        var d = Doc()
        d.add([Span(entry.agenda.label, .dim)])
        d.add([Span(entry.item.name.map { $0 + ": " } ?? "", .title), Span(entry.item.text, .title)])
        if !entry.item.keywords.isEmpty { d.field("Keywords", entry.item.keywords.joined(separator: ", ")) }
        let quotes = index.quoteRows(pillar: entry.item.id)
        d.heading("Quotes (\(quotes.count)), by date")
        if quotes.isEmpty { d.add([Span("none", .dim)]) }
        d.add(quotes: ids(quotes), withSpeaker: true)
        let passages = Self.sorted(entry.item.passages) {
            SortKey(
                day: index.date(ofArticle: $0.article)?.ordinal ?? Int.max, article: $0.article, paragraph: $0.paragraph
            )
        }
        d.heading("Passages (\(passages.count)), by date")
        if passages.isEmpty { d.add([Span("none", .dim)]) }
        d.add(passages: passages.map { ParagraphRef(article: $0.article, paragraph: $0.paragraph) })
        return d
    }

    func event(_ e: Event) -> Doc {
        var d = Doc()
        d.add([Span(e.title, .title)])
        d.field("Kind", e.kind)
        if let date = e.date {
            d.field("Date", EventTime.label(e) + " (\(date.precision.rawValue))")
        } else {
            d.field("Date", "unknown", .dim)
        }
        d.field("Place", e.place ?? "—")
        d.field("Status", e.planned ? "planned" : "held")
        d.field("Participants", e.participants.isEmpty ? "—" : e.participants.joined(separator: ", "))
        if !e.outcomes.isEmpty { d.field("Outcome", e.outcomes.joined(separator: "; ")) }
        let incoming = index.incoming(event: e.id)
        let relations =
            e.related.map { (event: $0.event, label: $0.relation.rawValue, cue: $0.cue) }
            + incoming.map { (event: $0.event, label: $0.label, cue: String?.none) }
        d.heading("Related events (\(relations.count))")
        if relations.isEmpty { d.add([Span("none", .dim)]) }
        let labelWidth = max(10, (relations.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        for r in relations {
            let other = index.event(r.event)
            var spans = [
                Span(r.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0), .relation),
                Span("→ ", .dim), Span(other?.title ?? r.event, .link),
            ]
            if let other { spans.append(Span("  " + EventTime.label(other), .dim)) }
            if let cue = r.cue { spans.append(Span("  “" + cue + "”", .dim)) }
            d.add(spans, link: .event(r.event))
        }
        let quotes = index.quoteRows(event: e.id)
        d.heading("What each side said (\(quotes.count))")
        if quotes.isEmpty { d.add([Span("nothing quoted", .dim)]) }
        var order: [String?] = []
        var groups: [String?: [Int32]] = [:]
        for row in quotes {
            let speaker = index.quotes[Int(row)].speaker
            if groups[speaker] == nil { order.append(speaker) }
            groups[speaker, default: []].append(row)
        }
        for sid in order {
            if let sid, let s = index.speaker(sid) {
                d.add([Span(s.name, .speaker(index.slot(ofSpeaker: sid)))], link: .speaker(sid))
            } else {
                d.add([Span("Unattributed", .dim)])
            }
            d.add(quotes: ids(groups[sid] ?? []), withSpeaker: false, indent: 2)
        }
        d.heading("Mentioned in (\(e.mentions.count))")
        for m in e.mentions {
            var spans = writer.passageHeading(ParagraphRef(article: m.article, paragraph: m.paragraph))
            spans.append(Span("  “" + m.text + "”", .dim))
            d.add(spans, link: .paragraph(m.article, m.paragraph))
        }
        return d
    }

    // MARK: pieces

    /// A passage's place in date order: the article's day, then the article and paragraph.
    private struct SortKey: Comparable {
        var day: Int
        var article: String
        var paragraph: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.day, a.article, a.paragraph) < (b.day, b.article, b.paragraph)
        }
    }

    /// `items` in the order of their keys, each key made once, equal keys kept in their order.
    private static func sorted<T, Key: Comparable>(_ items: [T], by key: (T) -> Key) -> [T] {
        let keys = items.map(key)
        return items.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { items[$0] }
    }

    /// The ids of the quotes at these rows of the Quotes list.
    private func ids<Rows: Collection<Int32>>(_ rows: Rows) -> [String] { rows.map { index.quotes[Int($0)].id } }

    private var writer: BlockWriter { BlockWriter(index: index) }

    private func eventLine(_ e: Event) -> [Span] {
        [Span(EventTime.label(e).padding(toLength: 12, withPad: " ", startingAt: 0), .dim), Span(e.title, .link)]
    }

    private func itemName(_ id: String) -> String {
        guard let row = index.row(of: .agendaItem(id)) else { return id }
        let item = index.agendaItems[row.1].item
        return item.name ?? item.text
    }
}
