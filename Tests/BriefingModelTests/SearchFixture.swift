@testable import BriefingModel

/// A small made-up corpus for the search tests: four articles (one undated), six speakers of every kind,
/// a four-item agenda, three events and ten quotes.
enum SearchFixture {
    static let articles: [Article] = [
        Article(
            id: "a1", path: "a1.md", title: "Talks resume in Stockholm", date: Day(iso: "2019-10-05"), paragraphs: []),
        Article(
            id: "a2", path: "a2.md", title: "Hanoi summit ends without a deal", date: Day(iso: "2019-02-28"),
            paragraphs: []),
        Article(
            id: "a3", path: "a3.md", title: "Pyongyang statement on sanctions", date: Day(iso: "2019-07-01"),
            paragraphs: []),
        Article(id: "a4", path: "a4.md", title: "Wire copy", date: nil, paragraphs: []),
    ]

    static let speakers: [Speaker] = [
        Speaker(id: "morgan-ortagus", name: "Morgan Ortagus", kind: .person, aliases: ["Ortagus"]),
        Speaker(id: "donald-trump", name: "Donald Trump", kind: .person, aliases: ["Trump"]),
        Speaker(id: "kcna", name: "Korean Central News Agency", kind: .organization, aliases: ["KCNA"]),
        Speaker(id: "negotiators", name: "North Korean negotiators", kind: .group),
        Speaker(id: "kim-myong-gil", name: "Kim Myong Gil", kind: .person, aliases: ["Kim"]),
        Speaker(id: "south-korea", name: "South Korea", kind: .country, aliases: ["Seoul"]),
    ]

    static let agenda = Agenda(
        id: "pillars", label: "four pillars",
        items: [
            AgendaItem(id: "p1", text: "transforming relations between the two countries", name: "relations"),
            AgendaItem(id: "p2", text: "a lasting peace regime on the Korean Peninsula", name: "peace"),
            AgendaItem(id: "p3", text: "complete denuclearization of the Korean Peninsula", name: "denuclearization"),
            AgendaItem(id: "p4", text: "the recovery of remains", name: "remains"),
        ])

    static let events: [Event] = [
        Event(id: "hanoi-summit", kind: "summit", title: "Hanoi summit", place: "Hanoi"),
        Event(id: "stockholm-talks", kind: "talks", title: "Stockholm talks", place: "Stockholm"),
        Event(id: "singapore-summit", kind: "summit", title: "Singapore summit", place: "Singapore"),
    ]

    static func quote(
        _ n: Int, _ article: String, _ paragraph: Int, _ speaker: String?, _ text: String, pillars: [String] = [],
        events: [String] = []
    ) -> Quote {
        Quote(
            id: "q\(n)", article: article, paragraph: paragraph, start: 0, end: text.unicodeScalars.count, text: text,
            speaker: speaker, cue: "said", pillars: pillars, events: events)
    }

    static let quotes: [Quote] = [
        quote(
            1, "a1", 2, "morgan-ortagus",
            "The U.S. delegation brought creative ideas and had good discussions with its DPRK counterparts.",
            events: ["stockholm-talks"]),
        quote(
            2, "a1", 3, "kim-myong-gil",
            "The negotiations did not live up to our expectation and finally broke off.",
            events: ["stockholm-talks"]),
        quote(
            3, "a1", 5, "morgan-ortagus",
            "We accepted Sweden\u{2019}s invitation to return to Stockholm in two weeks to continue talks.",
            events: ["stockholm-talks"]),
        quote(
            4, "a2", 1, "donald-trump", "Sometimes you have to walk, and this was just one of those times.",
            events: ["hanoi-summit"]),
        quote(
            5, "a2", 4, "donald-trump", "They wanted the sanctions lifted in their entirety, and we couldn't do that.",
            events: ["hanoi-summit"]),
        quote(
            6, "a3", 2, "kcna", "The DPRK is displeased with the talks and will not denuclearize unilaterally.",
            pillars: ["p3"]),
        quote(
            7, "a3", 3, "negotiators", "Complete denuclearization is possible only when all threats are removed.",
            pillars: ["p3"]),
        quote(8, "a4", 0, "south-korea", "Seoul hopes the dialogue on a peace regime resumes soon.", pillars: ["p2"]),
        quote(9, "a3", 6, nil, "Kim Jong Un\u{2019}s r\u{E9}gime will keep talking, but the talk must be fair."),
        quote(
            10, "a2", 6, "donald-trump",
            "I had a \u{201C}great\u{201D} meeting with Chairman Kim \u{2014} we talked about denuclearization.",
            events: ["hanoi-summit"]),
    ]

    static let corpus = Corpus(
        articles: articles, speakers: speakers, quotes: quotes, agendas: [agenda], events: events)

    static let index = QuoteIndex(corpus: corpus)

    /// The ids of the hits of `query`, in rank order.
    static func ids(_ query: String, in index: QuoteIndex = index) throws -> [String] {
        try index.search(query).hits.map(\.quote.id)
    }

    /// The ids of the hits of `query`, sorted by number (for queries where only the set matters).
    static func idSet(_ query: String, in index: QuoteIndex = index) throws -> [String] {
        try ids(query, in: index).sorted { Int($0.dropFirst()) ?? 0 < Int($1.dropFirst()) ?? 0 }
    }
}
