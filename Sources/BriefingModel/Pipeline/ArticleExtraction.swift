/// What the per-article stages find in one article, before corpus-wide merging.
///
/// Speaker ids here are local to the article; `SpeakerMerger` maps them to corpus ids. The extractor's quotes are
/// held compactly until they are laid end to end (`LocalQuote`: no id, article or speaker string of their own);
/// `quotes` reads and writes them as `Quote` values all the same.
public struct ArticleExtraction: Sendable, Hashable {
    public var article: String
    public var speakers: [Speaker] {
        get { storedSpeakers }
        set {
            // A local quote names its speaker by position: made a plain quote before the speakers change.
            materializeQuotes()
            storedSpeakers = newValue
        }
    }
    public var quotes: [Quote] {
        get { local.isEmpty ? storedQuotes : local.indices.map(quote(at:)) }
        set {
            storedQuotes = newValue
            local = []
        }
    }
    public var terms: [Term]
    /// Agendas enumerated in the text ("Those four pillars … include: A, B, C and D").
    public var agendas: [Agenda]
    /// Event mentions found in the article (filled by the event stage).
    public var eventCandidates: [EventCandidate]

    private var storedSpeakers: [Speaker]
    /// The quotes when not held as `local`.
    private var storedQuotes: [Quote]
    /// The quotes as the extractor leaves them, quote k with the id "article#q(k+1)"; empty once `quotes` is set.
    private var local: [LocalQuote]

    public init(
        article: String, speakers: [Speaker] = [], quotes: [Quote] = [], terms: [Term] = [], agendas: [Agenda] = [],
        eventCandidates: [EventCandidate] = []
    ) {
        self.article = article
        self.storedSpeakers = speakers
        self.storedQuotes = quotes
        self.local = []
        self.terms = terms
        self.agendas = agendas
        self.eventCandidates = eventCandidates
    }

    /// The extractor's result, its quotes kept as they are.
    init(article: String, speakers: [Speaker], local: [LocalQuote], terms: [Term], agendas: [Agenda]) {
        self.init(article: article, speakers: speakers, terms: terms, agendas: agendas)
        self.local = local
    }

    /// How many quotes there are.
    var quoteCount: Int { local.isEmpty ? storedQuotes.count : local.count }

    /// Appends the quotes to `out` and lets go of them here (without building an array of them first).
    mutating func moveQuotes(to out: inout [Quote]) {
        if local.isEmpty {
            out.append(contentsOf: storedQuotes)
        } else {
            for k in local.indices { out.append(quote(at: k)) }
        }
        storedQuotes = []
        local = []
    }

    private func quote(at k: Int) -> Quote {
        let q = local[k]
        let s = Int(q.speaker)
        return Quote(
            number: k + 1, article: article, paragraph: Int(q.paragraph), start: Int(q.start), end: Int(q.end),
            slice: q.slice, speaker: storedSpeakers.indices.contains(s) ? storedSpeakers[s].id : nil, cue: q.cue)
    }

    private mutating func materializeQuotes() {
        guard !local.isEmpty else { return }
        storedQuotes = quotes
        local = []
    }

    public static func == (a: ArticleExtraction, b: ArticleExtraction) -> Bool {
        a.article == b.article && a.storedSpeakers == b.storedSpeakers && a.quotes == b.quotes && a.terms == b.terms
            && a.agendas == b.agendas && a.eventCandidates == b.eventCandidates
    }

    public func hash(into h: inout Hasher) {
        h.combine(article)
        h.combine(storedSpeakers)
        h.combine(quotes)
        h.combine(terms)
        h.combine(agendas)
        h.combine(eventCandidates)
    }
}

/// A quote as the article extractor leaves it: its place, text, speaker (by position among the article's
/// speakers, -1 for none) and cue; id and article come from its extraction. 64 bytes against a `Quote`'s 128, for
/// every quote of the corpus until the per-article results are laid end to end.
struct LocalQuote: Sendable, Hashable {
    var paragraph: Int32
    var start: Int32
    var end: Int32
    var speaker: Int32
    var slice: Substring
    var cue: String?
}
