/// How precisely a date is known.
public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case day, week, month, year, approximate
}

/// A normalized date: a value with a precision and, where vague, the range it may fall in.
public struct EventDate: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` depending on precision (approximate uses a day).
    public var value: String
    public var precision: DatePrecision
    /// Earliest and latest day the date may be (inclusive), when known.
    public var earliest: Day?
    public var latest: Day?

    public init(value: String, precision: DatePrecision, earliest: Day? = nil, latest: Day? = nil) {
        self.value = value
        self.precision = precision
        self.earliest = earliest
        self.latest = latest
    }
}

/// How two events relate.
public enum EventRelationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case before, after, same
    case followUp = "follow-up"
}

/// A link from one event to another ("after", "follow-up").
public struct EventRelation: Sendable, Hashable, Codable {
    public var event: String
    public var relation: EventRelationKind
    /// The words in the text that show the relation, when there are any.
    public var cue: String?

    public init(event: String, relation: EventRelationKind, cue: String? = nil) {
        self.event = event
        self.relation = relation
        self.cue = cue
    }
}

/// A passage that mentions an event.
///
/// The numbers are stored in 32 bits (a corpus can hold hundreds of thousands of mentions); the public
/// properties are the same as with plain fields.
public struct EventMention: Sendable, Hashable, Codable {
    public var article: String
    /// The words that name the event ("the Hanoi summit").
    public var text: String
    private var storedParagraph: Int32
    /// `noCount` when the mention counts nothing.
    private var storedCount: Int32

    private static let noCount = Int32.min

    public var paragraph: Int {
        get { Int(storedParagraph) }
        set { storedParagraph = Int32(clamping: newValue) }
    }
    /// For words that count several events ("three summits in 2018"): how many they count, this one among them.
    public var count: Int? {
        get { storedCount == Self.noCount ? nil : Int(storedCount) }
        set { storedCount = newValue.map { Int32(clamping: max($0, Int(Self.noCount) + 1)) } ?? Self.noCount }
    }

    public init(article: String, paragraph: Int, text: String, count: Int? = nil) {
        self.article = article
        self.text = text
        self.storedParagraph = Int32(clamping: paragraph)
        self.storedCount = Self.noCount
        self.count = count
    }

    private enum CodingKeys: String, CodingKey {
        case article, paragraph, text, count
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            article: try c.decode(String.self, forKey: .article), paragraph: try c.decode(Int.self, forKey: .paragraph),
            text: try c.decode(String.self, forKey: .text), count: try c.decodeIfPresent(Int.self, forKey: .count))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(article, forKey: .article)
        try c.encode(paragraph, forKey: .paragraph)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(count, forKey: .count)
    }
}

/// A talk, summit, test or visit, merged across the articles that mention it.
public struct Event: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// "talks", "summit", "missile test", "visit", …
    public var kind: String
    public var title: String
    public var place: String?
    public var date: EventDate?
    /// True for an event announced or planned but not (yet) held.
    public var planned: Bool
    public var participants: [String]
    public var mentions: [EventMention]
    public var related: [EventRelation]
    /// Outcome words that go with the event ("broke down", "good discussions").
    public var outcomes: [String]
    /// The words the date was read from ("in February of this year"); when `date` is nil, the relative words that
    /// could not be resolved for want of an article date ("on Saturday").
    public var dateText: String?
    /// For a plan told again with a new date: the dates it had before, oldest first (`date` is the latest).
    public var rescheduledFrom: [EventDate]

    public init(
        id: String, kind: String, title: String, place: String? = nil, date: EventDate? = nil, planned: Bool = false,
        participants: [String] = [], mentions: [EventMention] = [], related: [EventRelation] = [],
        outcomes: [String] = [], dateText: String? = nil, rescheduledFrom: [EventDate] = []
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.place = place
        self.date = date
        self.planned = planned
        self.participants = participants
        self.mentions = mentions
        self.related = related
        self.outcomes = outcomes
        self.dateText = dateText
        self.rescheduledFrom = rescheduledFrom
    }
}
