/// Where an article mentions an event: paragraph, sentence and the words that name it.
public struct CandidateMention: Sendable, Hashable {
    public var paragraph: Int
    /// The sentence, in Unicode-scalar offsets of the paragraph.
    public var sentence: Range<Int>
    public var start: Int
    public var end: Int
    /// The words that name the event ("the latest round of nuclear talks").
    public var text: String

    public init(paragraph: Int, sentence: Range<Int>, start: Int, end: Int, text: String) {
        self.paragraph = paragraph
        self.sentence = sentence
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A relation from one event of an article to another of the same article (by index in the article's list).
public struct LocalRelation: Sendable, Hashable {
    public var target: Int
    public var relation: EventRelationKind
    public var cue: String?

    public init(target: Int, relation: EventRelationKind, cue: String? = nil) {
        self.target = target
        self.relation = relation
        self.cue = cue
    }
}

/// One event as one article tells it: its mentions merged within the article, before merging across the corpus.
public struct EventCandidate: Sendable, Hashable {
    public var article: String
    /// The article's date (what relative dates resolved against), when known.
    public var articleDate: Day?
    public var kind: String
    public var family: String
    /// A gazetteer name ("Hanoi"); shown with the place it lies in.
    public var place: String?
    public var date: EventDate?
    /// The words the date was read from ("in February of this year"), also when they could not be resolved.
    public var dateText: String?
    /// True when the only date words are relative and the article has no date.
    public var dateUnresolved: Bool
    public var planned: Bool
    /// "the second summit" → 2.
    public var ordinal: Int?
    /// Countries (canonical names) and persons named with the event.
    public var participants: [String]
    /// Participants that are leaders (by title).
    public var leaders: [String]
    public var mentions: [CandidateMention]
    public var outcomes: [String]
    public var relations: [LocalRelation]
    /// A counted plural ("three summits in 2018", "his three meetings with Kim last year"): the candidate names a
    /// set of up to that many events of its family, not one; the linker finds them (`EventLinker.attachSets`).
    /// 0 for an uncounted stretch ("the months of missile launches that followed the Hanoi meeting"): every such
    /// event in its span. A set's one relation, if any, bounds it by an event of the article ("that followed …").
    public var count: Int?

    public init(
        article: String, articleDate: Day? = nil, kind: String, family: String, place: String? = nil,
        date: EventDate? = nil, dateText: String? = nil, dateUnresolved: Bool = false, planned: Bool = false,
        ordinal: Int? = nil, participants: [String] = [], leaders: [String] = [], mentions: [CandidateMention] = [],
        outcomes: [String] = [], relations: [LocalRelation] = []
    ) {
        self.article = article
        self.articleDate = articleDate
        self.kind = kind
        self.family = family
        self.place = place
        self.date = date
        self.dateText = dateText
        self.dateUnresolved = dateUnresolved
        self.planned = planned
        self.ordinal = ordinal
        self.participants = participants
        self.leaders = leaders
        self.mentions = mentions
        self.outcomes = outcomes
        self.relations = relations
    }

    /// The first paragraph that mentions the event.
    public var firstParagraph: Int { mentions.map(\.paragraph).min() ?? 0 }
}
