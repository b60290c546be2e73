/// What kind of entity a speaker is.
public enum SpeakerKind: String, Sendable, Hashable, Codable, CaseIterable {
    case person, group, organization, country
}

/// A person, group, organization or country that is quoted or named, merged across the corpus.
public struct Speaker: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// Canonical (longest, most complete) name, e.g. "Morgan Ortagus".
    public var name: String
    public var kind: SpeakerKind
    /// Role or title, e.g. "State Department spokeswoman"; nil when none is given.
    public var role: String?
    /// Other names the text uses, e.g. "Ortagus".
    public var aliases: [String]
    public var mentions: [Mention]

    public init(
        id: String, name: String, kind: SpeakerKind, role: String? = nil, aliases: [String] = [],
        mentions: [Mention] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.role = role
        self.aliases = aliases
        self.mentions = mentions
    }

    /// How many distinct articles the speaker is mentioned in. Mentions come article by article, so an article is
    /// looked up in the set only where it changes.
    public var articleCount: Int {
        var seen = Set<String>()
        var last: String?
        for m in mentions where m.article != last {
            last = m.article
            seen.insert(m.article)
        }
        return seen.count
    }
}

/// Where an entity is mentioned: an article and a paragraph index.
public struct Mention: Sendable, Hashable, Codable {
    public var article: String
    public var paragraph: Int

    public init(article: String, paragraph: Int) {
        self.article = article
        self.paragraph = paragraph
    }
}
