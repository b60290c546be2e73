import Testing

@testable import BriefingModel

@Suite struct DayTests {
    /// The ASCII reading agrees with the general one wherever it reads a text, and reads every plain date.
    @Test func asciiReadingAgreesWithTheGeneralPath() {
        let texts = [
            "2019-10-05", " \t2019-10-05 ", "2019-10-05T14:00:00Z", "2019-10-05 14:00", "2019-10-05t1",
            "2019-10-05x", "2019-10-05\r\n", "2019-02-29", "2020-02-29", "2019-13-01", "0000-01-01", "+201-01-01",
            "2019-1-005", "2019/10/05", "2019-10-0", "", "   ", "\u{A0}2019-10-05", "2019-10-05\u{A0}", "２０１９-10-05",
            "2019-10-05T\u{301}",
        ]
        for text in texts {
            let general = Day.readGeneral(iso: text)
            switch Day.readASCII(iso: text.utf8) {
            case .day(let day): #expect(general == day, "\(text.debugDescription)")
            case .noDay: #expect(general == nil, "\(text.debugDescription)")
            case .notRead: break
            }
            #expect(Day(iso: text) == general, "\(text.debugDescription)")
        }
        #expect(Day.readASCII(iso: " 2019-10-05T14:00:00Z".utf8) == .day(Day(year: 2019, month: 10, day: 5)!))
        #expect(Day.readASCII(iso: "2019-02-29".utf8) == .noDay)
        #expect(Day.readASCII(iso: "2019-10-05x".utf8) == .noDay)
        #expect(Day.readASCII(iso: "+201-01-01".utf8) == .notRead)
        #expect(Day.readASCII(iso: "\u{A0}2019-10-05".utf8) == .notRead)
    }

    @Test func parsesISODatesAndRejectsImpossibleOnes() {
        #expect(Day(iso: "2019-10-05")?.description == "2019-10-05")
        #expect(Day(iso: "2019-10-05T14:00:00Z")?.description == "2019-10-05")
        #expect(Day(iso: "2019-13-45") == nil)
        #expect(Day(iso: "2019-02-29") == nil)
        #expect(Day(iso: "2020-02-29") != nil)
        #expect(Day(iso: "5 October") == nil)
    }

    @Test func ordinalRoundTripsAndWeekdays() throws {
        let d = try #require(Day(iso: "2019-10-05"))
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(d.weekday == 6)  // a Saturday
        #expect(d.adding(days: 14).description == "2019-10-19")
        #expect(try #require(Day(iso: "2019-01-31")).adding(months: 1).description == "2019-02-28")
        #expect(Day(ordinal: 0).description == "1970-01-01")
    }

    /// The description as first written: each part padded with zeros to its width.
    static func padded(_ d: Day) -> String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))"
    }

    /// Four-digit years are written digit by digit; other years (only `init(ordinal:)` makes them) as before.
    @Test func descriptionPadsEveryYearAsBefore() {
        let ordinals =
            Array(stride(from: -800_000, through: 3_000_000, by: 997)) + [-719_528, -719_529, 2_932_896, 2_932_897, 0]
        for o in ordinals {
            let d = Day(ordinal: o)
            #expect(d.description == Self.padded(d), "ordinal \(o)")
        }
        #expect(Day(ordinal: -719_528).description == "0000-01-01")
        #expect(Day(ordinal: 2_932_897).description == "10000-01-01")
        #expect(Day(year: 7, month: 3, day: 9)?.description == "0007-03-09")
    }
}
