/// The words of one named thing (speaker, agenda item, event, article) that a filter value is matched against.
struct CatalogEntry: Sendable {
    var id: String
    /// Folded words, for prefix values.
    var words: Set<String>
    /// Stems of the words, for whole-word values.
    var keys: Set<String>

    init(id: String, texts: [String]) {
        self.id = id
        let ws = texts.flatMap(SearchText.words)
        words = Set(ws)
        keys = Set(ws.map(SearchText.key))
    }

    /// True when every word of `value` is among the entry's words (the last as a prefix when so marked).
    func matches(_ value: FilterWords) -> Bool {
        for (i, w) in value.words.enumerated() {
            if value.lastIsPrefix && i == value.words.count - 1 {
                if !words.contains(where: { $0.hasPrefix(w) }) { return false }
            } else if !keys.contains(SearchText.key(w)) {
                return false
            }
        }
        return true
    }
}

/// What filters resolve against: the speakers, agenda items, events and articles of a corpus, with their words.
struct SearchCatalog: Sendable {
    var speakers: [CatalogEntry] = []
    var speakerKinds: [String: SpeakerKind] = [:]
    var speakerNames: [String: String] = [:]
    /// Agenda items with their 1-based number in their agenda.
    var items: [(entry: CatalogEntry, number: Int)] = []
    var events: [CatalogEntry] = []
    var articles: [CatalogEntry] = []
    var articleDates: [String: Day] = [:]

    init() {}

    init(corpus: Corpus) {
        for s in corpus.speakers {
            speakers.append(CatalogEntry(id: s.id, texts: [s.name] + s.aliases))
            speakerKinds[s.id] = s.kind
            speakerNames[s.id] = s.name
        }
        for agenda in corpus.agendas {
            for (i, item) in agenda.items.enumerated() {
                let texts = [item.name ?? "", item.text] + item.keywords
                items.append((CatalogEntry(id: item.id, texts: texts), i + 1))
            }
        }
        for e in corpus.events {
            events.append(CatalogEntry(id: e.id, texts: [e.title, e.place ?? "", e.kind, e.id]))
        }
        for a in corpus.articles {
            articles.append(CatalogEntry(id: a.id, texts: [a.title, a.id]))
            if let d = a.date { articleDates[a.id] = d }
        }
    }

    /// Ids of the speakers a `speaker:` value names.
    func speakerIDs(_ value: FilterWords) -> Set<String> {
        Set(speakers.filter { $0.matches(value) }.map(\.id))
    }

    /// Ids of the speakers of a kind.
    func speakerIDs(kind: SpeakerKind) -> Set<String> {
        Set(speakerKinds.filter { $0.value == kind }.map(\.key))
    }

    func itemIDs(_ value: FilterWords) -> Set<String> {
        Set(items.filter { $0.entry.matches(value) }.map(\.entry.id))
    }

    func itemIDs(number: Int) -> Set<String> {
        Set(items.filter { $0.number == number }.map(\.entry.id))
    }

    func eventIDs(_ value: FilterWords) -> Set<String> {
        Set(events.filter { $0.matches(value) }.map(\.id))
    }

    /// Articles whose id equals `id` (case folded), else those whose id and title words hold the value.
    func articleIDs(id: String, words: FilterWords) -> Set<String> {
        let exact = articles.filter { $0.id.lowercased() == id }
        if !exact.isEmpty { return Set(exact.map(\.id)) }
        return Set(articles.filter { $0.matches(words) }.map(\.id))
    }
}
