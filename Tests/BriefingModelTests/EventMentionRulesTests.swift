import Foundation
import Testing

@testable import BriefingModel

/// Where a mention's place and date come from: "the border village of Panmunjom", a verb's subject, a date that
/// belongs to a report, an anchor that names no event.
@Suite struct EventMentionRulesTests {
    func events(_ date: String, _ paragraphs: [String]) -> [Event] { EventTestSupport.events(date, paragraphs) }

    @Test func leadersWhoMetWithoutNoticeAtAVillageOfAPlace() {
        let e = events(
            "2018-05-27",
            ["The leaders of North and South Korea met without notice at the border village of Panmunjom on Saturday."])
        // The place is the village named after "of", not the countries that met (a verb's subject).
        #expect(e.count == 1, "\(e.map(\.id))")
        #expect(e.first?.place == "Panmunjom, DMZ")
        #expect(e.first?.date?.value == "2018-05-26")
        let participants = Set(e.first?.participants ?? [])
        #expect(participants.isSuperset(of: ["North Korea", "South Korea"]))
    }

    @Test func aDateOnTheReportDatesNotTheEventReported() {
        let e = events(
            "2018-05-27",
            [
                "The leaders of the two Koreas met at Panmunjom on Saturday.",
                "Moon told reporters on Sunday that Kim had asked for the two-hour session.",
            ])
        // One event, on Saturday: the session is the meeting just told, not a second event on Sunday.
        #expect(e.count == 1, "\(e.map(\.id))")
        #expect(e.first?.date?.value == "2018-05-26")
        #expect(e.first?.mentions.contains { $0.paragraph == 1 } == true)
    }

    @Test func anAnchorThatNamesNoEventDatesNothing() {
        let e = events(
            "2018-04-27",
            [
                "Kim crossed the line on Friday morning, the first leader to do so since the Korean War and opening a day of talks in the truce village of Panmunjom."
            ])
        let talks = e.first { $0.place == "Panmunjom, DMZ" }
        #expect(talks?.date?.value == "2018-04-27", "\(e.map(\.id))")
    }

    @Test func aCountOfPeopleIsNoSetOfEvents() {
        let e = events("2018-04-27", ["The two leaders shook hands at Panmunjom on Friday."])
        #expect(e.allSatisfy { e in e.mentions.allSatisfy { $0.count == nil } })
    }
}
