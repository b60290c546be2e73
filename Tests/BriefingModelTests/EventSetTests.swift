import Foundation
import Testing

@testable import BriefingModel

/// Counted plurals ("three summits in 2018", "his two meetings with Kim last year"): words that count events
/// told elsewhere become a mention of each event they count, and name no event of their own.
@Suite struct EventSetTests {
    let pipeline = Pipeline(resources: EventTestSupport.resources)

    func corpus(_ articles: [Article]) -> Corpus {
        pipeline.assemble(LoadResult(articles: articles), extractions: articles.map(pipeline.extract))
    }

    /// Two inter-Korean summits, a summit of other leaders and a visit, all in 2018.
    var history: [Article] {
        [
            EventTestSupport.article(
                "april", "2018-04-27",
                [
                    "South Korean President Moon Jae-in and North Korean leader Kim Jong Un held a summit at Panmunjom on Friday."
                ]),
            EventTestSupport.article(
                "june", "2018-06-12",
                ["President Donald Trump and North Korean leader Kim Jong Un held a summit in Singapore on Tuesday."]),
            EventTestSupport.article(
                "september", "2018-09-19",
                [
                    "South Korean President Moon Jae-in and North Korean leader Kim Jong Un held a summit in Pyongyang on Wednesday."
                ]),
            EventTestSupport.article(
                "october", "2018-10-07",
                ["Secretary of State Mike Pompeo met North Korean leader Kim Jong Un in Pyongyang on Sunday."]),
        ]
    }

    func events(mentionedBy id: String, in c: Corpus) -> [Event] {
        c.events.filter { e in e.mentions.contains { $0.article == id } }
    }

    @Test func aCountOfSummitsBetweenTwoCountriesNamesEachOfThem() {
        let c = corpus(
            history + [
                EventTestSupport.article(
                    "later", "2019-03-01",
                    ["Relations between the two Koreas, which produced two summits in 2018, have frozen."])
            ])
        let counted = events(mentionedBy: "later", in: c)
        #expect(
            Set(counted.compactMap(\.place)) == ["Panmunjom, DMZ", "Pyongyang, North Korea"], "\(counted.map(\.id))")
        #expect(counted.allSatisfy { !$0.planned && $0.kind == "summit" })
        for e in counted {
            #expect(e.mentions.first { $0.article == "later" }?.count == 2)
        }
        // Shown in the timeline and in the JSON contract.
        #expect(TextReport.events(c).contains("later ¶0 (one of 2)"))
        let json = (try? ContractJSON.encode(c, pretty: false)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        #expect(json.contains(#""article":"later","count":2"#))
    }

    @Test func aCountWithAPersonNamesOnlyEventsThatPersonTookPartIn() {
        let c = corpus(
            history + [
                EventTestSupport.article(
                    "later", "2019-03-01",
                    [
                        "South Korean President Moon Jae-in, whose two meetings with Kim Jong Un last year opened the door, said he regretted the outcome."
                    ])
            ])
        let counted = events(mentionedBy: "later", in: c)
        // Not the Singapore summit nor Pompeo's visit to Pyongyang in October, though Kim took part in both.
        #expect(counted.count == 2, "\(counted.map(\.id))")
        #expect(counted.allSatisfy { $0.date?.value == "2018-04-27" || $0.date?.value == "2018-09-19" })
    }

    @Test func aCountNamesNoEventOfItsOwnAndNothingWithoutADate() {
        let c = corpus(
            history + [
                EventTestSupport.article(
                    "later", "2019-03-01",
                    ["The two Koreas have held three summits, and the leaders have promised more."])
            ])
        #expect(events(mentionedBy: "later", in: c).isEmpty, "\(c.events.map(\.id))")
        #expect(c.events.count == corpus(history).events.count)
    }

    @Test func aCountOnlyReachesBackFromItsArticle() {
        let c = corpus(
            history + [
                EventTestSupport.article(
                    "early", "2018-05-01",
                    ["The leaders of the two Koreas have held two summits in 2018, officials said."])
            ])
        // Only the April summit had been held by May 1: the September one is not among them.
        let counted = events(mentionedBy: "early", in: c)
        #expect(counted.map(\.date?.value) == ["2018-04-27"], "\(counted.map(\.id))")
    }
}

/// An uncounted stretch of events bounded by another ("the months of missile launches that followed the summit").
@Suite struct EventStretchTests {
    let pipeline = Pipeline(resources: EventTestSupport.resources)

    @Test func aStretchAfterAnEventNamesEveryEventOfItsKindAfterIt() {
        let articles = [
            EventTestSupport.article(
                "summit", "2019-02-28",
                ["President Donald Trump and Chairman Kim Jong Un held a summit in Hanoi on Thursday."]),
            EventTestSupport.article(
                "january", "2019-01-10", ["North Korea fired two short-range missiles on Wednesday."]),
            EventTestSupport.article("may", "2019-05-10", ["North Korea fired two short-range missiles on Thursday."]),
            EventTestSupport.article("july", "2019-07-26", ["North Korea fired two short-range missiles on Thursday."]),
            EventTestSupport.article(
                "later", "2019-10-07",
                ["The envoy repeated the warning in the months of missile launches that followed the Hanoi summit."]),
        ]
        let c = pipeline.assemble(LoadResult(articles: articles), extractions: articles.map(pipeline.extract))
        let counted = c.events.filter { e in e.mentions.contains { $0.article == "later" } && e.kind != "summit" }
        #expect(counted.compactMap(\.date?.value).sorted() == ["2019-05-09", "2019-07-25"], "\(c.events.map(\.id))")
        // The stretch names no event of its own.
        #expect(!c.events.contains { $0.mentions.allSatisfy { $0.article == "later" } })
    }

    /// A mention a set adds goes in article and paragraph order, once, and not at all when its event already has
    /// it; an event whose list is out of that order is checked mention by mention as well.
    @Test func addedMentionsSkipRepeatsAndKeepTheirOrder() {
        let order = ["a": 0, "b": 1, "c": 2]
        func m(_ article: String, _ paragraph: Int, _ text: String, _ count: Int? = nil) -> EventMention {
            EventMention(article: article, paragraph: paragraph, text: text, count: count)
        }
        let ordered = [m("a", 1, "the summit"), m("b", 0, "the summit"), m("b", 2, "the Hanoi summit")]
        let unordered = [m("c", 0, "the talks"), m("a", 3, "the talks")]
        var events = [
            Event(id: "e1", kind: "summit", title: "Summit", mentions: ordered),
            Event(id: "e2", kind: "talks", title: "Talks", mentions: unordered),
        ]
        var added = SetMentions(eventCount: events.count)
        for (mention, g) in [
            (m("b", 2, "the Hanoi summit"), 0),  // already there
            (m("b", 1, "two summits", 2), 0),
            (m("b", 1, "two summits", 2), 0),  // added twice
            (m("a", 0, "two summits", 2), 0),
            (m("c", 5, "two summits", 2), 0),
            (m("c", 0, "the talks"), 1),  // already there, in an unordered list
            (m("b", 4, "three rounds", 3), 1),
        ] {
            added.add(mention, to: g, articleOrder: order)
        }
        added.insert(into: &events, articleOrder: order)
        #expect(
            events[0].mentions == [
                m("a", 0, "two summits", 2), m("a", 1, "the summit"), m("b", 0, "the summit"),
                m("b", 1, "two summits", 2), m("b", 2, "the Hanoi summit"), m("c", 5, "two summits", 2),
            ])
        // Out of order, an added mention goes before the first one ordered after it.
        #expect(events[1].mentions == [m("b", 4, "three rounds", 3), m("c", 0, "the talks"), m("a", 3, "the talks")])
    }
}
