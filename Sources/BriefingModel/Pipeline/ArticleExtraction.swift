/// What the per-article stages find in one article, before corpus-wide merging.
///
/// Speaker ids here are local to the article; `SpeakerMerger` maps them to corpus ids.
public struct ArticleExtraction: Sendable, Hashable {
    public var article: String
    public var speakers: [Speaker]
    public var quotes: [Quote]
    public var terms: [Term]
    /// Agendas enumerated in the text ("Those four pillars … include: A, B, C and D").
    public var agendas: [Agenda]
    /// Event mentions found in the article (filled by the event stage).
    public var eventCandidates: [EventCandidate]

    public init(
        article: String, speakers: [Speaker] = [], quotes: [Quote] = [], terms: [Term] = [], agendas: [Agenda] = [],
        eventCandidates: [EventCandidate] = []
    ) {
        self.article = article
        self.speakers = speakers
        self.quotes = quotes
        self.terms = terms
        self.agendas = agendas
        self.eventCandidates = eventCandidates
    }
}
