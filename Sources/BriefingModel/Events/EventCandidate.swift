/// Where an article mentions an event: paragraph, sentence and the words that name it.
///
/// The numbers are stored in 32 bits (every article's candidates are kept until the corpus is linked); the public
/// properties are the same as with plain fields.
public struct CandidateMention: Sendable, Hashable {
    private var storedParagraph: Int32
    private var sentenceStart: Int32
    private var sentenceEnd: Int32
    private var storedStart: Int32
    private var storedEnd: Int32
    /// The words that name the event ("the latest round of nuclear talks").
    public var text: String

    public var paragraph: Int {
        get { Int(storedParagraph) }
        set { storedParagraph = Int32(clamping: newValue) }
    }
    /// The sentence, in Unicode-scalar offsets of the paragraph.
    public var sentence: Range<Int> {
        get { Int(sentenceStart)..<Int(sentenceEnd) }
        set {
            sentenceStart = Int32(clamping: newValue.lowerBound)
            sentenceEnd = Int32(clamping: newValue.upperBound)
        }
    }
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(clamping: newValue) }
    }
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(clamping: newValue) }
    }

    public init(paragraph: Int, sentence: Range<Int>, start: Int, end: Int, text: String) {
        storedParagraph = Int32(clamping: paragraph)
        sentenceStart = Int32(clamping: sentence.lowerBound)
        sentenceEnd = Int32(clamping: sentence.upperBound)
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
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
///
/// Every article's candidates are kept until the corpus is linked, so they are stored compactly: days as 32-bit
/// ordinals, the date's parts side by side, and the fields most candidates leave empty (ordinal, count, outcomes,
/// relations) in one optional record; ordinal and count in 32 bits (larger values, which no text gives, go to
/// that record). The public properties are the same as with plain fields.
public struct EventCandidate: Sendable, Hashable {
    public var article: String
    public var kind: String
    public var family: String
    /// A gazetteer name ("Hanoi"); shown with the place it lies in.
    public var place: String?
    /// The words the date was read from ("in February of this year"), also when they could not be resolved.
    public var dateText: String?
    /// Countries (canonical names) and persons named with the event.
    public var participants: [String]
    /// Participants that are leaders (by title).
    public var leaders: [String]
    public var mentions: [CandidateMention]
    /// The date's value (`EventDate.value`); nil when the candidate has no date (or one kept in `rare`).
    private var dateValue: String?
    /// Empty, or the one record of the fields most candidates leave empty (never an all-empty record).
    private var rare: [Rare]
    /// The article's date, the date's earliest and latest day, as day ordinals (`PackedDay.none`: none).
    private var articleDay: Int32
    private var earliestDay: Int32
    private var latestDay: Int32
    /// `ordinal` and `count` (`PackedDay.none`: none, or kept in `rare`).
    private var ordinalValue: Int32
    private var countValue: Int32
    /// The date's precision (`.day` when there is no date).
    private var precision: DatePrecision
    /// True when the only date words are relative and the article has no date.
    public var dateUnresolved: Bool
    public var planned: Bool

    /// The fields most candidates leave empty, and values that do not fit in 32 bits (none from real text).
    private struct Rare: Sendable, Hashable {
        var outcomes: [String] = []
        var relations: [LocalRelation] = []
        var wide: [Wide] = []

        var isEmpty: Bool { outcomes.isEmpty && relations.isEmpty && wide.isEmpty }
    }

    /// Values too large for the 32-bit fields.
    private struct Wide: Sendable, Hashable {
        var articleDate: Day?
        var date: EventDate?
        var ordinal: Int?
        var count: Int?

        var isEmpty: Bool { articleDate == nil && date == nil && ordinal == nil && count == nil }
    }

    public init(
        article: String, articleDate: Day? = nil, kind: String, family: String, place: String? = nil,
        date: EventDate? = nil, dateText: String? = nil, dateUnresolved: Bool = false, planned: Bool = false,
        ordinal: Int? = nil, participants: [String] = [], leaders: [String] = [], mentions: [CandidateMention] = [],
        outcomes: [String] = [], relations: [LocalRelation] = []
    ) {
        self.article = article
        self.kind = kind
        self.family = family
        self.place = place
        self.dateText = dateText
        self.participants = participants
        self.leaders = leaders
        self.mentions = mentions
        dateValue = nil
        rare = []
        articleDay = PackedDay.none
        earliestDay = PackedDay.none
        latestDay = PackedDay.none
        ordinalValue = PackedDay.none
        countValue = PackedDay.none
        precision = .day
        self.dateUnresolved = dateUnresolved
        self.planned = planned
        self.articleDate = articleDate
        self.date = date
        self.ordinal = ordinal
        self.outcomes = outcomes
        self.relations = relations
    }

    /// The article's date (what relative dates resolved against), when known.
    public var articleDate: Day? {
        get { articleDay == PackedDay.none ? wide?.articleDate : PackedDay.day(articleDay) }
        set {
            let packed = PackedDay.pack(newValue)
            articleDay = packed ?? PackedDay.none
            let large = packed == nil ? newValue : nil
            if large != nil || wide?.articleDate != nil { editWide { $0.articleDate = large } }
        }
    }

    public var date: EventDate? {
        @inline(__always) get {
            guard let value = dateValue else { return wide?.date }
            return EventDate(
                value: value, precision: precision,
                earliest: earliestDay == PackedDay.none ? nil : PackedDay.day(earliestDay),
                latest: latestDay == PackedDay.none ? nil : PackedDay.day(latestDay))
        }
        set {
            if let d = newValue, let earliest = PackedDay.field(d.earliest), let latest = PackedDay.field(d.latest) {
                dateValue = d.value
                precision = d.precision
                earliestDay = earliest
                latestDay = latest
                if wide?.date != nil { editWide { $0.date = nil } }
            } else {
                dateValue = nil
                precision = .day
                earliestDay = PackedDay.none
                latestDay = PackedDay.none
                if newValue != nil || wide?.date != nil { editWide { $0.date = newValue } }
            }
        }
    }

    /// True when the candidate has a date (`date != nil`, without building it).
    var hasDate: Bool {
        @inline(__always) get { dateValue != nil || wide?.date != nil }
    }

    /// The date's precision and its first and last day as day ordinals (`date?.range`), read from the stored
    /// fields when both days are stored (nearly always) rather than building the date; nil without a date, `days`
    /// nil when the date's range cannot be worked out.
    var dateDays: (precision: DatePrecision, days: (lo: Int, hi: Int)?)? {
        @inline(__always) get {
            if dateValue != nil, earliestDay != PackedDay.none, latestDay != PackedDay.none {
                let (a, b) = (Int(earliestDay), Int(latestDay))
                return (precision, (min(a, b), max(a, b)))
            }
            guard let d = date else { return nil }
            return (d.precision, d.range.map { ($0.lowerBound.ordinal, $0.upperBound.ordinal) })
        }
    }

    /// True when the candidate's date is a single day (`date?.precision == .day`, without building it).
    var hasDayDate: Bool {
        @inline(__always) get { dateValue != nil ? precision == .day : wide?.date?.precision == .day }
    }

    /// "the second summit" → 2.
    public var ordinal: Int? {
        @inline(__always) get { ordinalValue == PackedDay.none ? wide?.ordinal : Int(ordinalValue) }
        set {
            let (small, large) = Self.split(newValue)
            ordinalValue = small
            if large != nil || wide?.ordinal != nil { editWide { $0.ordinal = large } }
        }
    }

    public var outcomes: [String] {
        get { rare.first?.outcomes ?? [] }
        set { editRare { $0.outcomes = newValue } }
    }

    public var relations: [LocalRelation] {
        get { rare.first?.relations ?? [] }
        set { editRare { $0.relations = newValue } }
    }

    /// A counted plural ("three summits in 2018", "his three meetings with Kim last year"): the candidate names a
    /// set of up to that many events of its family, not one; the linker finds them (`EventLinker.attachSets`).
    /// 0 for an uncounted stretch ("the months of missile launches that followed the Hanoi meeting"): every such
    /// event in its span. A set's one relation, if any, bounds it by an event of the article ("that followed …").
    public var count: Int? {
        get { countValue == PackedDay.none ? wide?.count : Int(countValue) }
        set {
            let (small, large) = Self.split(newValue)
            countValue = small
            if large != nil || wide?.count != nil { editWide { $0.count = large } }
        }
    }

    /// A number as its 32-bit field (`PackedDay.none` for none) and, when it does not fit, itself.
    private static func split(_ value: Int?) -> (Int32, Int?) {
        guard let value else { return (PackedDay.none, nil) }
        if let small = Int32(exactly: value), small != PackedDay.none { return (small, nil) }
        return (PackedDay.none, value)
    }

    private var wide: Wide? {
        @inline(__always) get { rare.first?.wide.first }
    }

    private mutating func editWide(_ edit: (inout Wide) -> Void) {
        editRare { r in
            var w = r.wide.first ?? Wide()
            edit(&w)
            r.wide = w.isEmpty ? [] : [w]
        }
    }

    /// Edits the rare fields, keeping `rare` empty when they all are.
    private mutating func editRare(_ edit: (inout Rare) -> Void) {
        var r = rare.popLast() ?? Rare()
        edit(&r)
        if r.isEmpty { rare = [] } else { rare.append(r) }
    }

    /// The first paragraph that mentions the event.
    public var firstParagraph: Int { mentions.map(\.paragraph).min() ?? 0 }
}

/// A day as its 32-bit ordinal (days since 1970-01-01), for compact storage.
enum PackedDay {
    /// No day.
    static let none = Int32.min

    /// The day's ordinal, when it fits (and is not `none`); nil for a nil day too.
    static func pack(_ day: Day?) -> Int32? {
        guard let day, let o = Int32(exactly: day.ordinal), o != none else { return nil }
        return o
    }

    /// The field for an optional day: `none` for no day, nil when the day does not fit.
    static func field(_ day: Day?) -> Int32? {
        guard let day else { return none }
        return pack(day)
    }

    static func day(_ packed: Int32) -> Day { Day(ordinal: Int(packed)) }
}
