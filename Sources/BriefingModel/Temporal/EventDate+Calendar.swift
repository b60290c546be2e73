/// Builders and comparisons for `EventDate`s: every resolved date carries its earliest and latest day.
extension EventDate {
    /// One known day.
    public static func day(_ d: Day) -> EventDate {
        EventDate(value: d.iso, precision: .day, earliest: d, latest: d)
    }

    /// Several consecutive days ("Feb. 27-28"), valued by the first.
    public static func days(_ a: Day, _ b: Day) -> EventDate {
        EventDate(value: a.iso, precision: .day, earliest: min(a, b), latest: max(a, b))
    }

    /// The week (Monday to Sunday) that holds `d`, valued by its Monday.
    public static func week(of d: Day) -> EventDate {
        let monday = d.adding(days: -((d.weekday + 6) % 7))
        return EventDate(value: monday.iso, precision: .week, earliest: monday, latest: monday.adding(days: 6))
    }

    /// A whole month, or part of it when `earliest`/`latest` narrow it.
    public static func month(_ year: Int, _ month: Int, from: Day? = nil, to: Day? = nil) -> EventDate? {
        guard let first = Day(year: year, month: month, day: 1),
            let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
        else { return nil }
        let value = String(first.iso.prefix(7))
        return EventDate(value: value, precision: .month, earliest: from ?? first, latest: to ?? last)
    }

    /// A whole year, or part of it.
    public static func year(_ year: Int, from: Day? = nil, to: Day? = nil) -> EventDate? {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
            return nil
        }
        return EventDate(
            value: String(first.iso.prefix(4)), precision: .year, earliest: from ?? first, latest: to ?? last)
    }

    /// An approximate date: somewhere between two days, valued by `center` (the middle when not given).
    public static func approximate(from a: Day, to b: Day, center: Day? = nil) -> EventDate {
        let lo = min(a, b)
        let hi = max(a, b)
        let mid = center ?? Day(ordinal: (lo.ordinal + hi.ordinal) / 2)
        return EventDate(value: mid.iso, precision: .approximate, earliest: lo, latest: hi)
    }

    /// The first and last day the date may be, derived from the value when the range is missing.
    public var range: ClosedRange<Day>? {
        if let e = earliest, let l = latest { return min(e, l)...max(e, l) }
        let parts = value.split(separator: "-")
        guard let y = parts.first.flatMap({ Int($0) }) else { return nil }
        if parts.count >= 3, let d = Day.parseISO(value) { return d...d }
        if parts.count == 2, let m = Int(parts[1]), let r = EventDate.month(y, m)?.range { return r }
        return EventDate.year(y)?.range
    }

    /// Days the range spans (1 for a known day); large when unknown.
    public var width: Int {
        guard let r = range else { return Int.max / 4 }
        return r.upperBound.ordinal - r.lowerBound.ordinal + 1
    }

    /// True when the two ranges share at least one day (or come within `slack` days of each other).
    public func overlaps(_ other: EventDate, slack: Int = 0) -> Bool {
        guard let a = range, let b = other.range else { return false }
        return a.lowerBound.ordinal <= b.upperBound.ordinal + slack
            && b.lowerBound.ordinal <= a.upperBound.ordinal + slack
    }

    /// True when this date ends before the other begins.
    public func isBefore(_ other: EventDate) -> Bool {
        guard let a = range, let b = other.range else { return false }
        return a.upperBound < b.lowerBound
    }

    /// A readable form: "2019-10-05", "2019-02", "about 2019-10-19 (2019-10-16 … 2019-10-22)".
    public var display: String {
        switch precision {
        case .day:
            if let r = range, r.lowerBound != r.upperBound { return "\(r.lowerBound)…\(r.upperBound)" }
            return value
        case .week:
            return "week of \(value)"
        case .month, .year:
            if let r = range, let full = EventDate.fullRange(value), r != full {
                return "\(value) (\(r.lowerBound) … \(r.upperBound))"
            }
            return value
        case .approximate:
            if let r = range { return "about \(value) (\(r.lowerBound) … \(r.upperBound))" }
            return "about \(value)"
        }
    }

    static func fullRange(_ value: String) -> ClosedRange<Day>? {
        EventDate(value: value, precision: .year).range
    }
}

extension Day {
    /// `description` (`YYYY-MM-DD`), its ten bytes written straight into the string: every date a temporal
    /// expression resolves to is valued by a day, and the interpolated `description` builds several strings.
    var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return description }
        return String(unsafeUninitializedCapacity: 10) { b in
            func put(_ value: Int, digits: Int, at i: Int) {
                var v = value
                for k in stride(from: i + digits - 1, through: i, by: -1) {
                    b[k] = UInt8(truncatingIfNeeded: 48 + v % 10)
                    v /= 10
                }
            }
            put(year, digits: 4, at: 0)
            b[4] = 45
            put(month, digits: 2, at: 5)
            b[7] = 45
            put(day, digits: 2, at: 8)
            return 10
        }
    }
}

extension Day {
    /// `Day(iso:)`, reading the exact form `YYYY-MM-DD` (ten ASCII bytes, digits and two hyphens) straight from
    /// its bytes; any other text goes through `Day(iso:)` (which trims it and splits it with Foundation).
    static func parseISO(_ text: String) -> Day? {
        var fields = (0, 0, 0)
        var count = 0
        for b in text.utf8 {
            switch count {
            case 4, 7:
                guard b == 45 else { return Day(iso: text) }
            default:
                guard b >= 48, b <= 57 else { return Day(iso: text) }
                let d = Int(b - 48)
                if count < 4 {
                    fields.0 = fields.0 * 10 + d
                } else if count < 7 {
                    fields.1 = fields.1 * 10 + d
                } else {
                    fields.2 = fields.2 * 10 + d
                }
            }
            count += 1
            if count > 10 { return Day(iso: text) }
        }
        guard count == 10 else { return Day(iso: text) }
        return Day(year: fields.0, month: fields.1, day: fields.2)
    }
}
