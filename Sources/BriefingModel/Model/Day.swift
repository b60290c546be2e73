import Foundation

/// A calendar day (proleptic Gregorian), independent of time zones and locale.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day when the components form a real calendar date, else nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, or the date part of an ISO 8601 timestamp (`2019-10-05T14:00:00Z`).
    public init?(iso text: String) {
        switch Self.readASCII(iso: text.utf8) {
        case .day(let day): self = day
        case .noDay: return nil
        case .notRead:
            guard let day = Self.readGeneral(iso: text) else { return nil }
            self = day
        }
    }

    /// `init(iso:)` on any text: trimmed of Unicode spaces, its first ten characters split at the hyphens.
    static func readGeneral(iso text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let head = trimmed.prefix(10)
        let parts = head.split(separator: "-", omittingEmptySubsequences: false)
        guard head.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        if trimmed.count > 10 {
            let rest = trimmed.dropFirst(10)
            guard let first = rest.first, first == "T" || first == " " || first == "t" else { return nil }
        }
        return Day(year: y, month: m, day: d)
    }

    /// What `readASCII(iso:)` made of a text.
    enum ASCIIReading: Equatable {
        case day(Day)
        /// `DDDD-DD-DD` that is no calendar day, or followed by something other than a time.
        case noDay
        /// Not ASCII, or not `DDDD-DD-DD` after spaces and tabs: left to the general path.
        case notRead
    }

    /// `init(iso:)` on ASCII text whose first ten bytes after spaces and tabs are `DDDD-DD-DD` (every front matter
    /// date), without Foundation's trimming or splitting into substrings.
    static func readASCII(iso utf8: String.UTF8View) -> ASCIIReading {
        let found: ASCIIReading? = utf8.withContiguousStorageIfAvailable { b -> ASCIIReading in
            @inline(__always) func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
            var start = 0
            var end = b.count
            while start < end, isBlank(b[start]) { start += 1 }
            while end > start, isBlank(b[end - 1]) { end -= 1 }
            guard end - start >= 10, !b[start..<end].contains(where: { $0 >= 0x80 }) else { return .notRead }
            // `DDDD-DD-DD`: digits, with a hyphen at offsets 4 and 7.
            func number(_ from: Int, _ count: Int) -> Int? {
                var n = 0
                for c in b[(start + from)..<(start + from + count)] {
                    guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                    n = n * 10 + Int(c - UInt8(ascii: "0"))
                }
                return n
            }
            guard b[start + 4] == UInt8(ascii: "-"), b[start + 7] == UInt8(ascii: "-"),
                let year = number(0, 4), let month = number(5, 2), let day = number(8, 2)
            else { return .notRead }
            if end - start > 10 {
                let next = b[start + 10]
                guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") || next == UInt8(ascii: "t") else {
                    return .noDay
                }
            }
            return Day(year: year, month: month, day: day).map { .day($0) } ?? .noDay
        }
        return found ?? .notRead
    }

    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        // Algorithm from Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with the given ordinal (days since 1970-01-01).
    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let w = (ordinal + 4) % 7
        return w < 0 ? w + 7 : w
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// The same day of the month `n` months later, clamped to the month's length.
    public func adding(months n: Int) -> Day {
        let total = year * 12 + (month - 1) + n
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, Day.daysIn(month: m, year: y))
        return Day(year: y, month: m, day: d) ?? self
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Years of four digits (every day read from a text) written digit by digit: the interpolation below took
        // about 2,700 instructions a date, a tenth of the `quotes` listing.
        if (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { b in
                let zero = UInt8(ascii: "0")
                var y = year
                for k in (0..<4).reversed() {
                    b[k] = zero + UInt8(y % 10)
                    y /= 10
                }
                b[4] = UInt8(ascii: "-")
                b[5] = zero + UInt8(month / 10)
                b[6] = zero + UInt8(month % 10)
                b[7] = UInt8(ascii: "-")
                b[8] = zero + UInt8(day / 10)
                b[9] = zero + UInt8(day % 10)
                return 10
            }
        }
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
