/// An agenda: a labelled list of items ("four pillars"), found in the text or declared in `Data/agendas`.
public struct Agenda: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var label: String
    /// Other labels the same agenda goes by ("Singapore joint statement").
    public var aliases: [String] = []
    /// Article where the agenda is enumerated, nil for a declared agenda never found in the text.
    public var article: String?
    public var paragraph: Int?
    public var items: [AgendaItem]
    /// Other places in the corpus where the same agenda is enumerated.
    public var occurrences: [Mention]

    public init(
        id: String, label: String, article: String? = nil, paragraph: Int? = nil, items: [AgendaItem],
        occurrences: [Mention] = []
    ) {
        self.id = id
        self.label = label
        self.article = article
        self.paragraph = paragraph
        self.items = items
        self.occurrences = occurrences
    }
}

/// One item of an agenda ("a peace regime on the Korean peninsula"), with the passages touching it.
public struct AgendaItem: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var text: String
    /// Short name for the item, e.g. "denuclearization" (from a declared agenda); nil when unknown.
    public var name: String?
    /// Keywords that tag a passage with this item.
    public var keywords: [String]
    /// Paragraphs that touch the item.
    public var passages: [Mention]

    public init(id: String, text: String, name: String? = nil, keywords: [String] = [], passages: [Mention] = []) {
        self.id = id
        self.text = text
        self.name = name
        self.keywords = keywords
        self.passages = passages
    }
}
