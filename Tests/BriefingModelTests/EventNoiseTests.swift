import Foundation
import Testing

@testable import BriefingModel

/// Each kind of noise the event layer used to produce, on small articles written for the test: dates that belong
/// to another noun, statements that are only how something was said, role stand-ins as participants, ordinals
/// that count within a span, a trip home taken for a follow-up.
@Suite struct EventNoiseTests {
    let pipeline = Pipeline(resources: EventTestSupport.resources)
    let lexicon = EventLexicon(lexicon: EventTestSupport.lexicon)

    func events(_ articles: [Article]) -> [Event] {
        pipeline.assemble(LoadResult(articles: articles), extractions: articles.map(pipeline.extract)).events
    }

    @Test func aDateOfAnotherNounDatesNoEvent() {
        let e = events([
            EventTestSupport.article(
                "a", "2019-01-19",
                [
                    "The two sides pledged to recover the remains of soldiers from the 1950–53 war.",
                    "The handover fell on the anniversary of the armistice that halted the fighting in 1953.",
                ])
        ])
        #expect(!e.contains { $0.date?.value.hasPrefix("195") == true }, "\(e.map(\.id))")
    }

    @Test func aStatementThatIsHowSomethingWasSaidIsNoOutcome() {
        let e = events([
            EventTestSupport.article(
                "a", "2019-10-05",
                [
                    "Negotiators held talks in Stockholm on Saturday.",
                    "The envoy said in a statement that the talks had broken down.",
                    "He read a prepared statement after the talks. Any agreement was far off, a statement said.",
                    "The talks ended with a joint statement.",
                ])
        ])
        let talks = e.first { $0.kind == "talks" && !$0.planned }
        #expect(talks != nil)
        let outcomes = talks?.outcomes ?? []
        #expect(outcomes.contains("broken down"))
        #expect(outcomes.contains("joint statement"))
        for noise in ["statement", "prepared statement", "agreement"] {
            #expect(!outcomes.contains(noise), "\(outcomes)")
        }
    }

    @Test func aRoleStandingInForSomeoneIsNoParticipant() {
        let text = "The North's envoy met negotiator Kim Myong Gil, General Assembly and leader American-made F-35."
        let tokens = [WordTokenizer.tokenize(Array(text.unicodeScalars))]
        let speakers = [Speaker(id: "s1", name: "the North's envoy", kind: .person, aliases: ["Kim Myong Gil"])]
        let finder = PersonFinder(paragraphs: tokens, speakers: speakers, lexicon: lexicon)
        var found: [String] = []
        for i in tokens[0].indices {
            if let m = finder.names.match(tokens[0], at: i) { found.append(m.value) }
        }
        #expect(found.contains("Kim Myong Gil"))
        #expect(!found.contains("the North's envoy"), "\(found)")
        #expect(!found.contains("Assembly"), "\(found)")
        #expect(!found.contains { $0.contains("F-35") }, "\(found)")
        // The linker keeps the proper name rather than the role its speaker is filed under.
        var quotes: [Quote] = []
        let linked = EventLinker.link(
            [
                EventCandidate(
                    article: "a", kind: "talks", family: "diplomacy", place: "Stockholm",
                    participants: ["Kim Myong Gil"],
                    mentions: [CandidateMention(paragraph: 0, sentence: 0..<10, start: 0, end: 5, text: "talks")])
            ], articles: [], speakers: speakers, quotes: &quotes, events: lexicon)
        #expect(linked.first?.participants == ["Kim Myong Gil"])
    }

    @Test func anOrdinalWithinASpanCountsNoSeries() {
        let e = events([
            EventTestSupport.article(
                "a", "2000-06-20",
                ["North Korean and South Korean leaders held their first meeting in Pyongyang last week."]),
            EventTestSupport.article(
                "b", "2019-01-19",
                ["North Korean envoys flew to Sweden, the first working-level meeting between the two sides in months."]
            ),
        ])
        let first = e.first { $0.date?.value.hasPrefix("2000") == true }
        #expect(first != nil)
        #expect(first?.mentions.contains { $0.article == "b" } == false, "\(e.map(\.id))")
    }

    @Test func anEventThatNeverTookPlaceStaysPlanned() {
        let e = events([
            EventTestSupport.article(
                "a", "2020-01-13",
                [
                    "Negotiators held talks in Stockholm on Oct. 5. A second round two weeks later never took place."
                ])
        ])
        #expect(e.contains { $0.kind == "talks" && $0.planned }, "\(e.map(\.id))")
        #expect(e.filter { $0.kind == "talks" && !$0.planned }.count == 1, "\(e.map(\.id))")
    }

    @Test func aTripHomeFollowsUpNoEvent() {
        let e = events([
            EventTestSupport.article(
                "a", "2018-10-07",
                [
                    "The secretary met Kim Jong Un in Pyongyang on Sunday.",
                    "He was scheduled to fly to Beijing on Monday before returning to Washington.",
                ])
        ])
        #expect(!e.contains { $0.place?.hasPrefix("Washington") == true }, "\(e.map(\.id))")
    }
}
