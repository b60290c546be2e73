import BriefingModel

/// Lookups over a corpus built once at start, so no frame or key does corpus-wide work.
public final class CorpusIndex: Sendable {
    public let corpus: Corpus
    /// Articles by date then title (the Articles list order).
    public let articles: [Article]
    public let speakers: [Speaker]
    public let quotes: [Quote]
    public let agendaItems: [AgendaEntry]
    /// Events by date (undated last): the Events list order and the order `]`/`[` step through.
    public let events: [Event]

    let articleRow: [String: Int]
    let speakerRow: [String: Int]
    let quoteRow: [String: Int]
    let eventRow: [String: Int]
    let agendaRow: [String: Int]
    let speakerSlot: [String: Int]
    let quotesByParagraph: [ParagraphKey: [Quote]]
    let termsByParagraph: [ParagraphKey: [Term]]
    let eventsByParagraph: [ParagraphKey: [String]]
    let speakerNamesByParagraph: [ParagraphKey: [(name: String, slot: Int)]]
    let quotesBySpeaker: [String: [Quote]]
    let quotesByEvent: [String: [Quote]]
    let quotesByPillar: [String: [Quote]]
    let warningsByPath: [String: [LoadWarning]]
    let incomingRelations: [String: [(event: String, label: String)]]

    /// An article and paragraph index.
    struct ParagraphKey: Hashable {
        var article: String
        var paragraph: Int
    }

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        let articles = corpus.articles.sorted {
            ($0.date?.ordinal ?? Int.max, $0.title, $0.id) < ($1.date?.ordinal ?? Int.max, $1.title, $1.id)
        }
        self.articles = articles
        var articleRow: [String: Int] = [:]
        for (i, a) in articles.enumerated() { articleRow[a.id] = i }
        self.articleRow = articleRow
        let articleDate: (String) -> Int = { id in
            articleRow[id].flatMap { articles[$0].date?.ordinal } ?? Int.max
        }

        var quoteCount: [String: Int] = [:]
        for q in corpus.quotes { if let s = q.speaker { quoteCount[s, default: 0] += 1 } }
        // Most quoted first, then by name.
        let speakers = corpus.speakers.sorted {
            (-(quoteCount[$0.id] ?? 0), $0.name.lowercased(), $0.id) < (
                -(quoteCount[$1.id] ?? 0), $1.name.lowercased(), $1.id
            )
        }
        self.speakers = speakers
        var speakerRow: [String: Int] = [:]
        var slot: [String: Int] = [:]
        for (i, s) in speakers.enumerated() {
            speakerRow[s.id] = i
            slot[s.id] = i % Role.speakerSlots
        }
        self.speakerRow = speakerRow
        self.speakerSlot = slot

        let quotes = corpus.quotes.sorted {
            (articleDate($0.article), articleRow[$0.article] ?? Int.max, $0.paragraph, $0.start)
                < (articleDate($1.article), articleRow[$1.article] ?? Int.max, $1.paragraph, $1.start)
        }
        self.quotes = quotes
        var quoteRow: [String: Int] = [:]
        var byPara: [ParagraphKey: [Quote]] = [:]
        var bySpeaker: [String: [Quote]] = [:]
        var byEvent: [String: [Quote]] = [:]
        var byPillar: [String: [Quote]] = [:]
        for (i, q) in quotes.enumerated() {
            quoteRow[q.id] = i
            byPara[ParagraphKey(article: q.article, paragraph: q.paragraph), default: []].append(q)
            if let s = q.speaker { bySpeaker[s, default: []].append(q) }
            for e in Set(q.events) { byEvent[e, default: []].append(q) }
            for p in Set(q.pillars) { byPillar[p, default: []].append(q) }
        }
        self.quoteRow = quoteRow
        self.quotesBySpeaker = bySpeaker
        self.quotesByPillar = byPillar

        var terms: [ParagraphKey: [Term]] = [:]
        for t in corpus.terms { terms[ParagraphKey(article: t.article, paragraph: t.paragraph), default: []].append(t) }
        self.termsByParagraph = terms

        var entries: [AgendaEntry] = []
        for agenda in corpus.agendas {
            for item in agenda.items { entries.append(AgendaEntry(agenda: agenda, item: item)) }
        }
        self.agendaItems = entries
        var agendaRow: [String: Int] = [:]
        for (i, e) in entries.enumerated() where agendaRow[e.item.id] == nil { agendaRow[e.item.id] = i }
        self.agendaRow = agendaRow

        let events = corpus.events.sorted {
            (EventTime.sortKey($0), $0.title, $0.id) < (EventTime.sortKey($1), $1.title, $1.id)
        }
        self.events = events
        var eventRow: [String: Int] = [:]
        var eventsByPara: [ParagraphKey: [String]] = [:]
        for (i, e) in events.enumerated() {
            eventRow[e.id] = i
            for m in e.mentions {
                let key = ParagraphKey(article: m.article, paragraph: m.paragraph)
                if eventsByPara[key]?.contains(e.id) != true { eventsByPara[key, default: []].append(e.id) }
                // Quotes standing in a passage that mentions the event speak about it too.
                for q in byPara[key] ?? [] where !(byEvent[e.id]?.contains(q) ?? false) {
                    byEvent[e.id, default: []].append(q)
                }
            }
        }
        for (k, v) in byEvent { byEvent[k] = v.sorted { (quoteRow[$0.id] ?? 0) < (quoteRow[$1.id] ?? 0) } }
        self.eventRow = eventRow
        self.eventsByParagraph = eventsByPara
        self.quotesByEvent = byEvent
        self.quotesByParagraph = byPara

        var names: [ParagraphKey: [(name: String, slot: Int)]] = [:]
        for s in corpus.speakers {
            let all = ([s.name] + s.aliases).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            for m in s.mentions {
                let key = ParagraphKey(article: m.article, paragraph: m.paragraph)
                for n in all { names[key, default: []].append((n, slot[s.id] ?? 0)) }
            }
        }
        for (k, v) in byPara {
            for q in v {
                guard let sid = q.speaker, let s = speakerRow[sid].map({ speakers[$0] }) else { continue }
                for n in ([s.name] + s.aliases) where !n.isEmpty && !(names[k]?.contains { $0.name == n } ?? false) {
                    names[k, default: []].append((n, slot[sid] ?? 0))
                }
            }
        }
        for (k, v) in names { names[k] = v.sorted { $0.name.count > $1.name.count } }
        self.speakerNamesByParagraph = names

        // Relations other events state about an event that the event does not state back.
        var incoming: [String: [(event: String, label: String)]] = [:]
        for e in events {
            for r in e.related {
                guard let target = eventRow[r.event].map({ events[$0] }), target.id != e.id,
                    !target.related.contains(where: { $0.event == e.id })
                else { continue }
                incoming[target.id, default: []].append((e.id, CorpusIndex.inverse(r.relation)))
            }
        }
        self.incomingRelations = incoming

        var warnings: [String: [LoadWarning]] = [:]
        for w in corpus.warnings { warnings[w.path, default: []].append(w) }
        self.warningsByPath = warnings
    }

    // MARK: lookups

    public func article(_ id: String) -> Article? { articleRow[id].map { articles[$0] } }
    public func speaker(_ id: String) -> Speaker? { speakerRow[id].map { speakers[$0] } }
    public func quote(_ id: String) -> Quote? { quoteRow[id].map { quotes[$0] } }
    public func event(_ id: String) -> Event? { eventRow[id].map { events[$0] } }

    /// The palette slot of a speaker's color.
    public func slot(ofSpeaker id: String?) -> Int { id.flatMap { speakerSlot[$0] } ?? 0 }

    func quotes(article: String, paragraph: Int) -> [Quote] {
        quotesByParagraph[ParagraphKey(article: article, paragraph: paragraph)] ?? []
    }

    func terms(article: String, paragraph: Int) -> [Term] {
        termsByParagraph[ParagraphKey(article: article, paragraph: paragraph)] ?? []
    }

    func events(article: String, paragraph: Int) -> [String] {
        eventsByParagraph[ParagraphKey(article: article, paragraph: paragraph)] ?? []
    }

    func speakerNames(article: String, paragraph: Int) -> [(name: String, slot: Int)] {
        speakerNamesByParagraph[ParagraphKey(article: article, paragraph: paragraph)] ?? []
    }

    /// How an event stands to one that states `relation` about it ("after" for "before").
    static func inverse(_ relation: EventRelationKind) -> String {
        switch relation {
        case .before: return EventRelationKind.after.rawValue
        case .after: return EventRelationKind.before.rawValue
        case .same: return EventRelationKind.same.rawValue
        case .followUp: return "followed up by"
        }
    }

    /// Relations stated only by the other event, seen from this one.
    func incoming(event: String) -> [(event: String, label: String)] { incomingRelations[event] ?? [] }

    func quotes(speaker: String) -> [Quote] { quotesBySpeaker[speaker] ?? [] }
    func quotes(event: String) -> [Quote] { quotesByEvent[event] ?? [] }
    func quotes(pillar: String) -> [Quote] { quotesByPillar[pillar] ?? [] }
    func warnings(path: String) -> [LoadWarning] { warningsByPath[path] ?? [] }

    /// Number of rows in a pane's list.
    public func count(_ pane: Pane) -> Int {
        switch pane {
        case .articles: return articles.count
        case .speakers: return speakers.count
        case .quotes: return quotes.count
        case .agenda: return agendaItems.count
        case .events: return events.count
        }
    }

    /// The row of an item in its pane's list.
    func row(of link: Link) -> (Pane, Int)? {
        switch link {
        case .article(let id), .paragraph(let id, _): return articleRow[id].map { (.articles, $0) }
        case .speaker(let id): return speakerRow[id].map { (.speakers, $0) }
        case .quote(let id): return quoteRow[id].map { (.quotes, $0) }
        case .event(let id): return eventRow[id].map { (.events, $0) }
        case .agendaItem(let id): return agendaRow[id].map { (.agenda, $0) }
        }
    }

    /// The date of an article, when known.
    func date(ofArticle id: String) -> Day? { article(id)?.date }
}

/// One agenda item with the agenda it belongs to (a row of the Agenda list).
public struct AgendaEntry: Sendable, Hashable {
    public var agenda: Agenda
    public var item: AgendaItem
}

/// Dates of events as sortable numbers and short labels.
enum EventTime {
    /// Earliest known day ordinal, or Int.max when undated.
    static func sortKey(_ e: Event) -> Int {
        guard let d = e.date else { return Int.max }
        if let earliest = d.earliest { return earliest.ordinal }
        if let day = Day(iso: d.value) { return day.ordinal }
        let parts = d.value.split(separator: "-")
        if parts.count >= 1, let y = Int(parts[0]) {
            let m = parts.count >= 2 ? Int(parts[1]) ?? 1 : 1
            return Day(year: y, month: m, day: 1)?.ordinal ?? Int.max
        }
        return Int.max
    }

    /// "2019-02-27", "2019-02", "~2019-02-27"; "undated" when nothing is known.
    static func label(_ e: Event) -> String {
        guard let d = e.date else { return "undated" }
        return d.precision == .approximate ? "~" + d.value : d.value
    }
}
