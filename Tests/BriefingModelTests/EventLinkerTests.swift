import Foundation
import Testing

@testable import BriefingModel

/// Merging across articles, relations and quote events on small articles written for the test.
@Suite struct EventLinkerTests {
    let pipeline = Pipeline(resources: EventTestSupport.resources)

    func corpus(_ articles: [Article], quotes: [Quote] = []) -> Corpus {
        var extractions = articles.map(pipeline.extract)
        for q in quotes {
            if let i = extractions.firstIndex(where: { $0.article == q.article }) { extractions[i].quotes.append(q) }
        }
        return pipeline.assemble(LoadResult(articles: articles), extractions: extractions)
    }

    @Test func aQuoteOutsideEventSentencesTakesItsParagraphsEventsOnlyWhenThereAreFew() throws {
        let cities = ["Oslo", "Geneva", "Vienna", "Helsinki", "Stockholm", "Hanoi", "Singapore", "Seoul", "Beijing"]
        for count in [3, EventLinker.paragraphEvents + 1] {
            let talks = cities.prefix(count).enumerated().map { k, city in
                "Envoys held talks in \(city) on March \(k + 2), 2019."
            }
            let text = (talks + ["“We will keep going,” the envoy said."]).joined(separator: " ")
            let c = corpus([EventTestSupport.article("a", "2019-04-01", [text])])
            let quote = try #require(c.quotes.first { $0.text.hasPrefix("We will keep going") })
            let named = Set(c.events.filter { e in e.mentions.contains { $0.article == "a" } }.map(\.id))
            #expect(named.count == count, "\(named)")
            #expect(Set(quote.events) == (count <= EventLinker.paragraphEvents ? named : []))
        }
    }

    @Test func threeNamesOfOneSummitAreOneEvent() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-03-01",
                ["President Donald Trump and Chairman Kim Jong Un held talks in Vietnam in February."]),
            EventTestSupport.article(
                "b", "2019-03-02", ["The Hanoi summit ended without a deal on Thursday, officials said."]),
            EventTestSupport.article(
                "c", "2019-04-10",
                [
                    "President Donald Trump held a summit with Chairman Kim Jong Un in Singapore in June 2018.",
                    "The second summit between President Donald Trump and Chairman Kim Jong Un ended abruptly.",
                ]),
        ])
        let hanoi = c.events.filter { e in e.mentions.contains { $0.article == "a" } }
        #expect(hanoi.count == 1)
        guard let h = hanoi.first else { return }
        #expect(h.kind == "summit")
        #expect(h.place == "Hanoi, Vietnam")
        #expect(h.date?.value == "2019-02-28" || h.date?.value == "2019-02")
        #expect(h.mentions.contains { $0.article == "b" })
        #expect(h.mentions.contains { $0.article == "c" && $0.paragraph == 1 })
    }

    @Test func aSecondSummitStillToComeIsThePlannedOne() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2018-06-13",
                ["President Donald Trump and Chairman Kim Jong Un held a summit in Singapore on Tuesday."]),
            EventTestSupport.article(
                "b", "2018-10-07",
                ["Officials said President Donald Trump and Chairman Kim Jong Un had moved closer to a second summit."]),
            EventTestSupport.article(
                "c", "2019-01-10",
                ["President Donald Trump will hold a summit with Chairman Kim Jong Un in Hanoi on Feb. 27."]),
        ])
        let planned = c.events.first { $0.planned && $0.place?.hasPrefix("Hanoi") == true }
        #expect(planned?.mentions.contains { $0.article == "b" } == true, "\(c.events.map(\.id))")
        #expect(!c.events.contains { !$0.planned && $0.mentions.contains { $0.article == "b" } })
    }

    @Test func aCountedListAfterAColonNamesEachEvent() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-01-19",
                [
                    "The leaders of the two Koreas met with each other three times in 2018: at Panmunjom in April and "
                        + "again in May, and in Pyongyang in September."
                ])
        ])
        let months = Set(c.events.compactMap { $0.date?.value.prefix(7) }.map(String.init))
        #expect(months.isSuperset(of: ["2018-04", "2018-05", "2018-09"]), "\(c.events.map(\.id))")
        // The count names no event of its own.
        #expect(!c.events.contains { $0.date?.value == "2018" }, "\(c.events.map(\.id))")
        #expect(
            c.events.contains { $0.place?.hasPrefix("Pyongyang") == true && $0.date?.value == "2018-09" },
            "\(c.events.map(\.id))")
    }

    @Test func remainsReceivedSomewhereAreACeremonyInTheYearJustNamed() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-10-07",
                [
                    "Twenty boxes of remains were flown out of Wonsan in July 2018 and received in Hawaii on Aug. 1.",
                    "The delegation was received in Seoul on Monday.",
                ])
        ])
        let ceremonies = c.events.filter { $0.kind == "ceremony" }
        #expect(ceremonies.count == 1, "\(c.events.map(\.id))")
        #expect(ceremonies.first?.place?.hasPrefix("Hawaii") == true, "\(c.events.map(\.id))")
        // "Aug. 1" takes the year of "July 2018" before it, not the article's.
        #expect(ceremonies.first?.date?.value == "2018-08-01", "\(c.events.map(\.id))")
    }

    @Test func theSummerOfAYearIsThatSeason() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2020-01-13",
                ["The handover of war remains took place in the summer of 2018, weeks after the summit."])
        ])
        let handover = c.events.first { $0.kind == "repatriation" }
        #expect(handover?.date?.precision == .approximate, "\(c.events.map(\.id))")
        #expect(handover?.date?.earliest == Day(iso: "2018-06-01"))
        #expect(handover?.date?.latest == Day(iso: "2018-08-31"))
    }

    @Test func aSeriesToldInPartsNamesEachPart() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-12-16",
                [
                    "The talks stalled after a year of rocket launches, beginning in May and continuing through the "
                        + "summer, which the envoy called routine."
                ])
        ])
        let launches = c.events.filter { $0.kind == "launch" }
        #expect(launches.count == 2, "\(c.events.map(\.id))")
        #expect(launches.contains { $0.date?.value == "2019-05" }, "\(c.events.map(\.id))")
        #expect(
            launches.contains {
                $0.date?.earliest == Day(iso: "2019-06-01") && $0.date?.latest == Day(iso: "2019-08-31")
            },
            "\(c.events.map(\.id))")
    }

    @Test func twoRoundsTwoWeeksApartAreTwoEvents() {
        let c = corpus([
            EventTestSupport.article("a", "2019-10-05", ["Negotiators held talks in Stockholm on Saturday."]),
            EventTestSupport.article(
                "b", "2019-10-19", ["Negotiators held a second round of talks in Stockholm on Saturday."]),
        ])
        let stockholm = c.events.filter { $0.place == "Stockholm, Sweden" }
        #expect(stockholm.count == 2, "\(stockholm.map(\.id))")
        #expect(Set(stockholm.compactMap { $0.date?.value }) == ["2019-10-05", "2019-10-19"])
    }

    @Test func aPlannedReturnStaysApartAndFollowsUp() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-10-05",
                [
                    "Negotiators held talks in Stockholm on Saturday.",
                    "Sweden extended an invitation to return to Stockholm in two weeks.",
                ])
        ])
        let held = c.events.first { !$0.planned && $0.place == "Stockholm, Sweden" }
        let planned = c.events.first { $0.planned && $0.place == "Stockholm, Sweden" }
        #expect(held?.date?.value == "2019-10-05")
        #expect(planned?.date?.value == "2019-10-19")
        #expect(planned?.date?.precision == .approximate)
        #expect(planned?.related.contains { $0.event == held?.id && $0.relation == .followUp } == true)
        #expect(held?.related.contains { $0.event == planned?.id && $0.relation == .before } == true)
    }

    @Test func genericTalksAreNoEvent() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-10-05",
                [
                    "Officials expressed hope that peace talks would one day succeed.",
                    "Negotiations of that kind take years.",
                ])
        ])
        #expect(c.events.isEmpty, "\(c.events.map(\.id))")
    }

    @Test func quotesGetTheEventsOfTheirSentenceOrParagraph() {
        let text = "Kim said the talks in Stockholm on Saturday had “broken down.”"
        let scalars = Array(text.unicodeScalars)
        let open = (scalars.firstIndex(of: "“") ?? 0) + 1
        let close = scalars.firstIndex(of: "”") ?? scalars.count
        let quote = Quote(id: "q1", article: "a", paragraph: 0, start: open, end: close, text: "broken down.")
        let elsewhere = Quote(id: "q2", article: "a", paragraph: 1, start: 1, end: 5, text: "None")
        let c = corpus(
            [EventTestSupport.article("a", "2019-10-05", [text, "“None of it matters,” an analyst said."])],
            quotes: [quote, elsewhere])
        let talks = c.events.first { $0.place == "Stockholm, Sweden" }
        #expect(talks != nil)
        #expect(c.quotes.first { $0.id == "q1" }?.events == [talks?.id].compactMap { $0 })
        #expect(c.quotes.first { $0.id == "q2" }?.events.isEmpty == true)
        #expect(talks?.outcomes.contains("broken down") == true)
    }

    @Test func twoDaysLaterCountsFromTheEventJustNamed() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-10-10",
                [
                    "Negotiators held talks in Stockholm on Saturday.",
                    "Two days later, the envoys met in Seoul.",
                ])
        ])
        let seoul = c.events.first { $0.place == "Seoul, South Korea" }
        #expect(seoul?.date?.value == "2019-10-07", "\(c.events.map { ($0.id, $0.date?.value ?? "-") })")
        #expect(seoul?.date?.precision == .day)
    }

    @Test func sinceTheSummitIsARangeUpToTheArticle() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-06-01",
                [
                    "President Donald Trump and Chairman Kim Jong Un held a summit in Hanoi in February.",
                    "Since the summit, North Korea has conducted missile tests.",
                ])
        ])
        let hanoi = c.events.first { $0.place == "Hanoi, Vietnam" }
        let tests = c.events.first { $0.kind == "missile test" }
        #expect(tests?.date?.earliest == Day(iso: "2019-02-01"))
        #expect(tests?.date?.latest == Day(iso: "2019-06-01"))
        #expect(tests?.related.contains { $0.event == hanoi?.id && $0.relation == .after } == true)
    }

    @Test func withinWeeksOfTheFailedTalksIsARangeAfterThem() {
        let c = corpus([
            EventTestSupport.article(
                "a", "2019-10-05",
                [
                    "The leaders met for talks in Hanoi in February, but the talks failed.",
                    "North Korea conducted missile tests within weeks of the failed talks.",
                ])
        ])
        let hanoi = c.events.first { $0.place == "Hanoi, Vietnam" }
        let tests = c.events.first { $0.kind == "missile test" }
        #expect(tests?.date?.precision == .approximate)
        #expect(tests?.date?.earliest == Day(iso: "2019-02-01"))
        #expect((tests?.date?.latest).map { $0 > Day(iso: "2019-02-28")! } == true)
        #expect(tests?.related.contains { $0.event == hanoi?.id && $0.relation == .after } == true)
    }
}

/// Ties are broken explicitly: a generated corpus gives the same events on every run (a Set's or Dictionary's
/// order changes from one instance to the next, so an unbroken tie would show here).
@Suite struct EventDeterminismTests {
    @Test func generatedCorpusGivesTheSameEventsTwice() throws {
        let fm = FileManager.default
        let source = EventTestSupport.root + "/Data/articles"
        guard fm.fileExists(atPath: source) else { return }
        let pool = SentencePool.load(paths: [source], lexicon: EventTestSupport.lexicon)
        let dir = fm.temporaryDirectory.appendingPathComponent("events-determinism-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: dir) }
        try CorpusGenerator(pool: pool, seed: 20_190_228, meanBytes: 2_500).write(count: 200, to: dir)
        let load = CorpusLoader().load(paths: [dir])
        #expect(load.articles.count == 200)
        let pipeline = Pipeline(resources: EventTestSupport.resources)
        let first = pipeline.run(load)
        let second = pipeline.run(load, workers: 3)
        // Enough events that ties come up.
        #expect(first.events.count > 100)
        #expect(first.events.map(\.id) == second.events.map(\.id))
        #expect(first.events == second.events)
        #expect(first.quotes.map(\.events) == second.quotes.map(\.events))
    }
}
