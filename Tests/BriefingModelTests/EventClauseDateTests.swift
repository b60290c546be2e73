import Foundation
import Testing

@testable import BriefingModel

/// Dates that open a clause after a semicolon, and launches told by the verb alone ("the North launched again").
@Suite struct EventClauseDateTests {
    func events(_ date: String, _ paragraphs: [String]) -> [Event] { EventTestSupport.events(date, paragraphs) }

    @Test func eachClauseOfASemicolonListIsDatedByItsOwnOpeningDate() {
        let e = events(
            "2020-01-13",
            [
                "In May, the North resumed short-range missile tests; over the summer, the North launched again and again."
            ])
        let tests = e.filter { $0.kind == "missile test" }
        // Two events: the May tests and the summer launches, not one dated May.
        #expect(tests.count == 2, "\(e.map(\.id))")
        #expect(tests.contains { $0.date?.value == "2019-05" })
        #expect(tests.contains { $0.date?.precision == .approximate && $0.date?.earliest == Day(iso: "2019-06-01") })
    }

    @Test func launchedAgainIsALaunchButALaunchedCampaignIsNot() {
        #expect(
            events("2019-08-26", ["Last week the North launched again, officials said."]).contains {
                $0.kind == "missile test"
            })
        #expect(events("2019-08-26", ["Last week the ministry launched a campaign, officials said."]).isEmpty)
    }
}
