import Foundation
import Testing

@testable import BriefingModel

/// The reference article with `--date 2019-10-05` yields the gold events and relations of `../shared/seeds`.
@Suite struct ReferenceEventsTests {
    static let seed = EventTestSupport.root + "/../shared/seeds/000_84dba37f60b77d87"

    struct GoldEvent: Decodable {
        var key: String
        var kind: String
        var place: String?
        var date: String
        var paragraphs: [Int]
        var participants: [String]
    }

    struct GoldRelation: Decodable {
        var from: String
        var relation: String
        var to: String
    }

    struct Gold: Decodable {
        var events: [GoldEvent]
        var relations: [GoldRelation]
    }

    /// The gold and the corpus built from the article, or nil when `../shared` is absent.
    static func load() throws -> (Gold, Corpus)? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: seed + ".txt"), let data = fm.contents(atPath: seed + ".gold.json") else {
            return nil
        }
        let gold = try JSONDecoder().decode(Gold.self, from: data)
        let load = CorpusLoader(options: LoadOptions(defaultDate: Day(iso: "2019-10-05"))).load(paths: [seed + ".txt"])
        let corpus = Pipeline(resources: EventTestSupport.resources).run(load)
        return (gold, corpus)
    }

    /// The event that answers a gold event: same kind (and planned state), place, date and paragraphs.
    static func match(_ g: GoldEvent, in events: [Event]) -> Event? {
        let planned = g.kind.contains("(planned)")
        let kind = g.kind.replacingOccurrences(of: " (planned)", with: "")
        return events.first { e in
            e.kind == kind && e.planned == planned && placeMatches(e.place, g.place)
                && Set(e.mentions.map(\.paragraph)).isSuperset(of: g.paragraphs)
                && dateMatches(e.date, g.date)
        }
    }

    static func placeMatches(_ found: String?, _ gold: String?) -> Bool {
        guard let gold else { return found == nil }
        guard let found else { return false }
        return found == gold || found.hasSuffix(", " + gold)
    }

    /// Gold dates are `YYYY-MM-DD`, `YYYY-MM`, "about YYYY-MM-DD (…)" or "after YYYY-MM, within weeks".
    static func dateMatches(_ d: EventDate?, _ gold: String) -> Bool {
        guard let d else { return false }
        if gold.hasPrefix("about ") {
            let day = String(gold.dropFirst(6).prefix(10))
            return d.precision == .approximate && d.value == day && (d.range?.contains(Day(iso: day)!) ?? false)
        }
        if gold.hasPrefix("after ") {
            // A range that starts at the named month and ends a few weeks after it.
            let month = String(gold.dropFirst(6).prefix(7))
            guard let r = d.range, let start = Day(iso: month + "-01") else { return false }
            return d.precision == .approximate && r.lowerBound >= start && r.upperBound > start.adding(months: 1)
                && r.upperBound < start.adding(months: 4)
        }
        if gold.count == 10 { return d.precision == .day && d.value == gold }
        if gold.count == 7 { return d.precision == .month && d.value == gold }
        return d.value == gold
    }

    @Test func goldEventsArePresent() throws {
        guard let (gold, corpus) = try Self.load() else { return }
        #expect(gold.events.count == 5)
        for g in gold.events {
            let e = Self.match(g, in: corpus.events)
            #expect(
                e != nil, "no event for \(g.key): \(corpus.events.map { "\($0.id) \($0.mentions.map(\.paragraph))" })")
            if let e {
                let participants = Set(e.participants)
                #expect(participants.isSuperset(of: g.participants), "\(g.key): \(e.participants)")
            }
        }
    }

    @Test func goldRelationsArePresent() throws {
        guard let (gold, corpus) = try Self.load() else { return }
        var ids: [String: String] = [:]
        for g in gold.events { ids[g.key] = Self.match(g, in: corpus.events)?.id }
        for r in gold.relations {
            let from = try #require(ids[r.from], "\(r.from)")
            let to = try #require(ids[r.to], "\(r.to)")
            let event = try #require(corpus.events.first { $0.id == from })
            #expect(
                event.related.contains { $0.event == to && $0.relation.rawValue == r.relation },
                "\(r.from) \(r.relation) \(r.to): \(event.related)")
        }
    }

    @Test func noSpuriousEvents() throws {
        guard let (gold, corpus) = try Self.load() else { return }
        // Five events in the text; "talks would continue" or "peace talks" in general are not events of their own.
        #expect(corpus.events.count == gold.events.count, "\(corpus.events.map(\.id))")
    }

    @Test func outcomesGoWithTheirEvents() throws {
        guard let (_, corpus) = try Self.load() else { return }
        let stockholm = try #require(corpus.events.first { $0.place == "Stockholm, Sweden" && !$0.planned })
        #expect(stockholm.outcomes.contains("broke down"))
        #expect(stockholm.outcomes.contains("good discussions"))
        let hanoi = try #require(corpus.events.first { $0.place == "Vietnam" })
        #expect(hanoi.outcomes.contains("impasse"))
    }

    @Test func withoutADateRelativeWordsStayUnresolved() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: Self.seed + ".txt") else { return }
        let load = CorpusLoader(options: LoadOptions()).load(paths: [Self.seed + ".txt"])
        let corpus = Pipeline(resources: EventTestSupport.resources).run(load)
        let stockholm = try #require(corpus.events.first { $0.place == "Stockholm, Sweden" && !$0.planned })
        #expect(stockholm.date == nil)
        #expect(stockholm.dateText == "on Saturday")
        // Explicit dates still resolve: the Singapore summit's June of 2018.
        #expect(corpus.events.contains { $0.date?.value == "2018-06" && $0.place == "Singapore" })
        #expect(!corpus.events.contains { $0.date?.value.hasPrefix("2019") ?? false })
    }
}
