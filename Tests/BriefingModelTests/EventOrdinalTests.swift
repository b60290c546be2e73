import Foundation
import Testing

@testable import BriefingModel

/// Which event an ordinal or a half-dated mention names: "his first meeting with Kim" (every person it names, every
/// kind of a generic word), "the summit in Singapore, the leaders' first meeting" (apposition), "in May" with no
/// year, "the first launches of the year" (counted within a span), and a date after "those held" (other events).
@Suite struct EventOrdinalTests {
    /// The events of several articles (`id`, date or nil, paragraphs) through the whole pipeline.
    func events(_ articles: [(String, String?, [String])]) -> [Event] {
        let pipeline = Pipeline(resources: EventTestSupport.resources)
        let list = articles.map { EventTestSupport.article($0.0, $0.1, $0.2) }
        return pipeline.assemble(LoadResult(articles: list), extractions: list.map(pipeline.extract)).events
    }

    func event(in events: [Event], article: String, paragraph: Int = 0) -> Event? {
        events.first { $0.mentions.contains { $0.article == article && $0.paragraph == paragraph } }
    }

    @Test func aDateAfterThosePronounDatesTheOtherEvents() {
        let e = EventTestSupport.events(
            "2018-04-27",
            [
                "Kim Jong Un and Moon Jae-in met at Panmunjom on Friday.",
                "The meeting was the third summit between the two Koreas, after those held in Pyongyang in 2000 and 2007.",
            ])
        #expect(!e.contains { $0.date?.value.hasPrefix("2000") ?? false }, "\(e.map(\.id))")
        // The mention stays with the meeting of the article.
        let friday = e.first { $0.date?.value == "2018-04-27" }
        #expect(friday?.mentions.contains { $0.paragraph == 1 } == true, "\(e.map(\.id))")
    }

    @Test func aGenericOrdinalCountsEveryKindAndNeedsEveryPersonNamed() {
        let e = events([
            ("a", "2017-08-10", ["Kim Jong Un met senior generals in Pyongyang on Aug. 8."]),
            ("b", "2018-04-28", ["Kim Jong Un and Moon Jae-in held a summit at Panmunjom on Friday."]),
            ("c", nil, ["Moon Jae-in said the process began with his first meeting with Kim Jong Un."]),
        ])
        // Not the earlier meeting of Kim alone: the first encounter of both, which was a summit.
        let first = event(in: e, article: "c")
        #expect(first?.date?.value == "2018-04-27", "\(e.map(\.id))")
        #expect(first?.kind == "summit")
    }

    @Test func anOrdinalInAppositionNamesTheEventBeforeIt() {
        let e = events([
            ("a", nil, ["The truce has held since the summit in Singapore, the leaders' first meeting last June."])
        ])
        let summit = e.first { $0.place?.hasPrefix("Singapore") ?? false }
        #expect(summit?.mentions.count == 2, "\(e.map { ($0.id, $0.mentions.map(\.text)) })")
        #expect(e.count == 1)
    }

    @Test func aMonthWithoutAYearRulesOutOtherMonths() {
        let e = events([
            ("a", "2018-04-28", ["Kim Jong Un and Moon Jae-in met at Panmunjom on Friday."]),
            ("b", "2018-05-27", ["Kim Jong Un and Moon Jae-in met again at Panmunjom on Saturday."]),
            ("c", nil, ["Kim Jong Un and Moon Jae-in met at Panmunjom in May."]),
        ])
        #expect(event(in: e, article: "c")?.date?.value == "2018-05-26", "\(e.map(\.id))")
    }

    @Test func theFirstOfTheYearCountsNoSeries() {
        let e = events([
            ("a", "2017-11-30", ["North Korea launched a long-range missile on Wednesday."]),
            ("b", "2019-05-05", ["North Korea launched short-range missiles on Saturday."]),
            (
                "c", nil,
                [
                    "In May, after the North's first short-range launches of the year, Bolton said such tests broke the rules."
                ]
            ),
        ])
        // Counted within a year, not the first launch ever told.
        let joined = event(in: e, article: "c")
        #expect(joined?.date?.value != "2017-11-29", "\(e.map { ($0.id, $0.mentions.map(\.text)) })")
    }

    @Test func itemsOfAListStayApartWithoutADate() {
        let e = events([
            (
                "a", nil,
                [
                    "Kim met South Korea's president, Moon Jae-in, three times last year: at Panmunjom in April and again in May, and in Pyongyang in September."
                ]
            )
        ])
        // Three meetings, none of them read as another (no year to date them, so nothing joins them either).
        #expect(e.count == 3, "\(e.map { ($0.id, $0.mentions.map(\.text)) })")
        #expect(e.allSatisfy { $0.mentions.count == 1 })
    }
}
