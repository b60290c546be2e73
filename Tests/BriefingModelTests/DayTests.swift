import Testing

@testable import BriefingModel

@Suite struct DayTests {
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
}
