import Foundation
import Testing

@testable import BriefingModel

/// A plan told again with a new date while it was still pending is one plan, rescheduled; a plan told after an
/// earlier one expired, or with other persons, is another.
@Suite struct EventPlanTests {
    let pipeline = Pipeline(resources: EventTestSupport.resources)

    func plans(_ articles: [Article]) -> [Event] {
        pipeline.assemble(LoadResult(articles: articles), extractions: articles.map(pipeline.extract)).events
            .filter(\.planned)
    }

    let first = "President Donald Trump will meet with leader Kim Jong Un in May, aides said."

    @Test func aPlanToldAgainWithANewDateIsRescheduled() {
        let e = plans([
            EventTestSupport.article("a", "2018-03-10", [first]),
            EventTestSupport.article(
                "b", "2018-05-25", ["President Donald Trump and leader Kim Jong Un will meet in Singapore on June 12."]),
        ])
        #expect(e.count == 1, "\(e.map(\.id))")
        let plan = e.first
        #expect(plan?.date?.value == "2018-06-12")
        #expect(plan?.rescheduledFrom.map(\.value) == ["2018-05"])
        #expect(Set(plan?.mentions.map(\.article) ?? []) == ["a", "b"])
    }

    @Test func anExpiredPlanOrOtherPersonsStayApart() {
        let expired = plans([
            EventTestSupport.article("a", "2018-03-10", [first]),
            EventTestSupport.article(
                "c", "2018-06-20", ["President Donald Trump will meet with leader Kim Jong Un in September."]),
        ])
        #expect(expired.count == 2, "\(expired.map(\.id))")
        #expect(expired.allSatisfy { $0.rescheduledFrom.isEmpty })
        let others = plans([
            EventTestSupport.article("a", "2018-03-10", [first]),
            EventTestSupport.article(
                "d", "2018-05-25", ["President Moon Jae-in and leader Kim Jong Un will meet in Singapore on June 12."]),
        ])
        #expect(others.count == 2, "\(others.map(\.id))")
    }
}
