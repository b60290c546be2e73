/// Whether a clause speaks of the past (the default in news) or the future ("will meet on Saturday").
public enum Tense: String, Sendable, Hashable, CaseIterable {
    case past, future
}

/// A distance in time from an event: "two days later" (+2 days), "a week earlier" (-7 days, approximate).
public struct EventOffset: Sendable, Hashable {
    public var days: Int
    public var months: Int
    /// How many days either side the result may be off; 0 for an exact offset in days.
    public var window: Int

    public init(days: Int = 0, months: Int = 0, window: Int = 0) {
        self.days = days
        self.months = months
        self.window = window
    }

    /// The date `self` away from `date`.
    public func apply(to date: EventDate) -> EventDate? {
        guard let r = date.range else { return nil }
        let lo = r.lowerBound.adding(months: months).adding(days: days)
        let hi = r.upperBound.adding(months: months).adding(days: days)
        if window == 0, date.precision == .day { return lo == hi ? .day(lo) : .days(lo, hi) }
        let center: Day
        if let d = Day.parseISO(date.value), date.precision == .day || date.precision == .approximate {
            center = d.adding(months: months).adding(days: days)
        } else {
            center = Day(ordinal: (lo.ordinal + hi.ordinal) / 2)
        }
        return .approximate(from: lo.adding(days: -window), to: hi.adding(days: window), center: center)
    }
}

/// How an anchored expression dates what it introduces, once the event it names is known.
public enum AnchorDating: Sendable, Hashable {
    /// A relation only ("after the talks").
    case none
    /// From the event to `days` after it ("within weeks of the failed talks").
    case within(days: Int)
    /// From the event up to the reference date ("since the summit").
    case since
    /// A set distance from the event ("two weeks after the summit").
    case offset(EventOffset)

    /// The date this rule gives, from the anchor event's date and the article's date.
    public func resolve(anchor: EventDate, reference: Day?) -> EventDate? {
        guard let r = anchor.range else { return nil }
        switch self {
        case .none:
            return nil
        case .within(let days):
            return .approximate(from: r.lowerBound, to: r.upperBound.adding(days: days))
        case .since:
            guard let reference, reference >= r.lowerBound else { return nil }
            return .approximate(from: r.lowerBound, to: reference)
        case .offset(let o):
            return o.apply(to: anchor)
        }
    }
}

/// What a temporal expression means.
public enum TemporalValue: Sendable, Hashable {
    /// A date, resolved against the reference date when it was relative.
    case date(EventDate)
    /// A relative expression with no reference date to resolve it against: shown as is, never guessed.
    case unresolved
    /// A distance from the event just named ("two days later").
    case offset(EventOffset)
    /// A tie to an event named by the tokens in `span` ("within weeks of the failed talks", "since the summit").
    case anchor(relation: EventRelationKind, dating: AnchorDating, span: Range<Int>)
}

/// A temporal expression found in text: its tokens, its scalar offsets, its words and its meaning.
public struct TemporalExpression: Sendable, Hashable {
    /// Token indices of the expression (not of an anchor's span).
    public var tokens: Range<Int>
    /// Unicode-scalar offsets in the paragraph.
    public var start: Int
    public var end: Int
    public var text: String
    public var value: TemporalValue
    public var tense: Tense
    /// True for a span reaching up to the reference ("since June 2018"): it bounds an event rather than
    /// dating it.
    public var open: Bool = false

    /// The resolved date, when there is one.
    public var date: EventDate? {
        if case .date(let d) = value { return d }
        return nil
    }
}
