/// The whole parsed model of a corpus: what every front end reads.
public struct Corpus: Sendable, Hashable, Codable {
    public var articles: [Article]
    public var speakers: [Speaker]
    public var quotes: [Quote]
    public var terms: [Term]
    public var agendas: [Agenda]
    public var events: [Event]
    public var warnings: [LoadWarning]

    public init(
        articles: [Article] = [], speakers: [Speaker] = [], quotes: [Quote] = [], terms: [Term] = [],
        agendas: [Agenda] = [], events: [Event] = [], warnings: [LoadWarning] = []
    ) {
        self.articles = articles
        self.speakers = speakers
        self.quotes = quotes
        self.terms = terms
        self.agendas = agendas
        self.events = events
        self.warnings = warnings
    }
}
