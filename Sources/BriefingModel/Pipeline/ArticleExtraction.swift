/// What the per-article stages find in one article, before corpus-wide merging.
///
/// Speaker ids here are local to the article; `SpeakerMerger` maps them to corpus ids. The extractor's speakers and
/// quotes are held compactly until they are laid end to end (`LocalSpeaker`, `LocalQuote`: no id, article or
/// speaker string of their own, mentions as paragraph numbers); `speakers` and `quotes` read and write them as
/// `Speaker` and `Quote` values all the same.
public struct ArticleExtraction: Sendable, Hashable {
    public var article: String
    public var speakers: [Speaker] {
        get { localSpeakers.isEmpty ? storedSpeakers : localSpeakers.indices.map(speaker(at:)) }
        set {
            // A local quote names its speaker by position: made a plain quote before the speakers change.
            materializeQuotes()
            storedSpeakers = newValue
            localSpeakers = []
            mentionParagraphs = []
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
    /// The speakers as the extractor leaves them, speaker k with the id "speakerPrefix#s(k+1)"; empty once
    /// `speakers` is set.
    private var localSpeakers: [LocalSpeaker]
    private var speakerPrefix: String
    /// The paragraphs that mention each local speaker, one speaker's after another (`LocalSpeaker.mentions`).
    private var mentionParagraphs: [Int32]
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
        self.localSpeakers = []
        self.speakerPrefix = ""
        self.mentionParagraphs = []
        self.storedQuotes = quotes
        self.local = []
        self.terms = terms
        self.agendas = agendas
        self.eventCandidates = eventCandidates
    }

    /// The extractor's result, its speakers (named "speakerPrefix#sN") and quotes kept as they are.
    init(
        article: String, speakers: [LocalSpeaker], mentionParagraphs: [Int32], speakerPrefix: String,
        quotes: [LocalQuote], terms: [Term], agendas: [Agenda]
    ) {
        self.init(article: article, terms: terms, agendas: agendas)
        self.localSpeakers = speakers
        self.mentionParagraphs = mentionParagraphs
        self.speakerPrefix = speakerPrefix
        self.local = quotes
    }

    /// How many speakers there are.
    var speakerCount: Int { localSpeakers.isEmpty ? storedSpeakers.count : localSpeakers.count }

    /// How many mentions the speakers have.
    var mentionCount: Int {
        localSpeakers.isEmpty ? storedSpeakers.reduce(0) { $0 + $1.mentions.count } : mentionParagraphs.count
    }

    /// How many quotes there are.
    var quoteCount: Int { local.isEmpty ? storedQuotes.count : local.count }

    /// Whether some quote names its speaker by id rather than by position (quotes set from outside).
    var quotesNameSpeakersByID: Bool { local.isEmpty && storedQuotes.contains { $0.speaker != nil } }

    /// Each speaker's id, in order (only for quotes that name speakers by id).
    var speakerIDs: [String] {
        localSpeakers.isEmpty
            ? storedSpeakers.map(\.id) : localSpeakers.indices.map { LocalID.make(speakerPrefix, tag: "s", $0 + 1) }
    }

    /// Appends the speakers to `speakers` and the quotes to `quotes`, each quote naming its speaker by position in
    /// `speakers`, and lets go of both here. `ids` maps speaker ids to positions for quotes that name speakers by id
    /// (`quotesNameSpeakersByID`); without it such a quote gets no speaker.
    mutating func move(speakers: inout SpeakerTable, quotes: inout QuoteTable, ids: [String: Int32]?) {
        let base = Int32(truncatingIfNeeded: speakers.count)
        if localSpeakers.isEmpty {
            for s in storedSpeakers { speakers.append(s) }
        } else {
            for s in localSpeakers {
                speakers.append(
                    name: s.name, kind: s.kind, role: s.role, aliases: s.aliases, article: article,
                    paragraphs: mentionParagraphs[s.mentions])
            }
        }
        if local.isEmpty {
            for q in storedQuotes { quotes.append(q, speaker: q.speaker.flatMap { ids?[$0] } ?? -1) }
        } else {
            let count = Int32(truncatingIfNeeded: speakerCount)
            for (k, q) in local.enumerated() {
                quotes.append(
                    article: article, number: k + 1, paragraph: q.paragraph, start: q.start, end: q.end,
                    speaker: q.speaker >= 0 && q.speaker < count ? base + q.speaker : -1, text: q.slice, cue: q.cue)
            }
        }
        storedSpeakers = []
        localSpeakers = []
        mentionParagraphs = []
        storedQuotes = []
        local = []
    }

    private func speaker(at k: Int) -> Speaker {
        let s = localSpeakers[k]
        return Speaker(
            id: LocalID.make(speakerPrefix, tag: "s", k + 1), name: s.name, kind: s.kind, role: s.role,
            aliases: s.aliases,
            mentions: mentionParagraphs[s.mentions].map { Mention(article: article, paragraph: Int($0)) })
    }

    /// The id of speaker `k`; nil when there is none.
    private func speakerID(at k: Int) -> String? {
        if localSpeakers.isEmpty { return storedSpeakers.indices.contains(k) ? storedSpeakers[k].id : nil }
        return localSpeakers.indices.contains(k) ? LocalID.make(speakerPrefix, tag: "s", k + 1) : nil
    }

    private func quote(at k: Int) -> Quote {
        let q = local[k]
        return Quote(
            number: k + 1, article: article, paragraph: Int(q.paragraph), start: Int(q.start), end: Int(q.end),
            slice: q.slice, speaker: speakerID(at: Int(q.speaker)), cue: q.cue)
    }

    private mutating func materializeQuotes() {
        guard !local.isEmpty else { return }
        storedQuotes = quotes
        local = []
    }

    public static func == (a: ArticleExtraction, b: ArticleExtraction) -> Bool {
        a.article == b.article && a.speakers == b.speakers && a.quotes == b.quotes && a.terms == b.terms
            && a.agendas == b.agendas && a.eventCandidates == b.eventCandidates
    }

    public func hash(into h: inout Hasher) {
        h.combine(article)
        h.combine(speakers)
        h.combine(quotes)
        h.combine(terms)
        h.combine(agendas)
        h.combine(eventCandidates)
    }
}

/// A quote as the article extractor leaves it: its place, text, speaker (by position among the article's
/// speakers, -1 for none) and cue; id and article come from its extraction. 64 bytes against a `Quote`'s 120, for
/// every quote of the corpus until the per-article results are laid end to end.
struct LocalQuote: Sendable, Hashable {
    var paragraph: Int32
    var start: Int32
    var end: Int32
    var speaker: Int32
    var slice: Substring
    var cue: String?
}

/// A speaker as the article extractor leaves it: its id comes from its position, its mentions are paragraph numbers
/// of its extraction's article (each `Mention` would hold the article id again) in one array shared by the
/// article's speakers.
struct LocalSpeaker: Sendable, Hashable {
    var name: String
    var role: String?
    var aliases: [String]
    var kind: SpeakerKind
    private var firstMention: Int32
    private var mentionCount: Int32

    init(name: String, role: String?, aliases: [String], kind: SpeakerKind, mentions: Range<Int>) {
        self.name = name
        self.role = role
        self.aliases = aliases
        self.kind = kind
        firstMention = Int32(clamping: mentions.lowerBound)
        mentionCount = Int32(clamping: mentions.count)
    }

    /// Where its mentions stand in the shared array.
    var mentions: Range<Int> { Int(firstMention)..<(Int(firstMention) + Int(mentionCount)) }
}
