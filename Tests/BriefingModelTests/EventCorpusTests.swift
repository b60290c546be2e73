import Foundation
import Testing

@testable import BriefingModel

/// Across the sample corpus, an event that several articles describe should be one event: the shared keys of
/// `Tests/Fixtures/gold/*.gold.json` name them. Planned and held events are told apart (`Event.planned`), so a
/// key is checked separately for the articles that report it as planned and those that report it as held.
@Suite struct EventCorpusTests {
    static let articles = EventTestSupport.root + "/Data/articles"
    static let goldFolder = EventTestSupport.root + "/Tests/Fixtures/gold"

    struct GoldEvent: Decodable {
        var key: String
        var kind: String
        var date: String?
        var paragraphs: [Int]
    }

    struct GoldFile: Decodable {
        var notes: [String]?
        var events: [GoldEvent]?
    }

    /// One shared event as the gold tells it: the articles and paragraphs that describe it.
    struct Group {
        var key: String
        var planned: Bool
        var family: String
        var articles: [(article: String, paragraphs: [Int], when: ClosedRange<Day>?)]
    }

    /// How one group fared: the event covering most of its articles and the articles it misses.
    struct Outcome {
        var group: Group
        var event: String?
        var missing: [String]
    }

    static func outcomes() throws -> [Outcome]? {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: goldFolder), fm.fileExists(atPath: articles) else {
            return nil
        }
        let lex = EventLexicon(lexicon: EventTestSupport.lexicon)
        var groups: [String: Group] = [:]
        var readDates: [String: Day] = [:]
        for name in names.sorted() where name.hasSuffix(".gold.json") {
            guard let data = fm.contents(atPath: goldFolder + "/" + name) else { continue }
            let article = String(name.dropLast(".gold.json".count))
            let gold = try JSONDecoder().decode(GoldFile.self, from: data)
            // Articles without a date are read with the `--date` their gold note gives, as the CLI would be.
            for note in gold.notes ?? [] {
                if let r = note.range(of: "--date ") {
                    readDates[article] = Day(iso: String(note[r.upperBound...].prefix(10)))
                }
            }
            for e in gold.events ?? [] {
                let planned = e.kind.hasSuffix("(planned)")
                let kind = e.kind.replacingOccurrences(of: " (planned)", with: "")
                // Kinds the event layer does not extract (speeches, deadlines, announcements) are left out.
                guard let k = lex.kinds[kind] else { continue }
                let id = "\(e.key)|\(planned)"
                groups[id, default: Group(key: e.key, planned: planned, family: k.family, articles: [])].articles
                    .append((article, e.paragraphs, Self.goldRange(e.date)))
            }
        }
        var load = CorpusLoader(options: LoadOptions()).load(paths: [articles])
        for i in load.articles.indices where load.articles[i].date == nil {
            load.articles[i].date = readDates[load.articles[i].id]
        }
        let corpus = Pipeline(resources: EventTestSupport.resources).run(load)
        var out: [Outcome] = []
        for g in groups.values.sorted(by: { ($0.key, $0.planned ? 1 : 0) < ($1.key, $1.planned ? 1 : 0) })
        where g.articles.count >= 2 {
            var covering: [String: Set<String>] = [:]
            for (article, paragraphs, when) in g.articles {
                // A paragraph may name several events: the one meant is of the gold's family, planned state and
                // (when both are dated) month or year.
                for e in corpus.events
                where lex.kind(e.kind).family == g.family && e.planned == g.planned
                    && e.mentions.contains(where: { $0.article == article && paragraphs.contains($0.paragraph) })
                    // A rescheduled plan is checked against every date it had: the gold dates it as the article did.
                    && (when.map { w in
                        let dates = [e.date].compactMap { $0 } + e.rescheduledFrom
                        return dates.isEmpty || dates.contains { $0.range.map { $0.overlaps(w) } ?? true }
                    } ?? true)
                {
                    covering[e.id, default: []].insert(article)
                }
            }
            let best = covering.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }
            let missing = g.articles.map(\.article).filter { !(best?.value.contains($0) ?? false) }
            out.append(Outcome(group: g, event: best?.key, missing: missing))
        }
        return out
    }

    /// Seasons a gold date may name after its year, as months (northern hemisphere, as `temporal_seasons.txt`).
    static let seasons: [String: (Int, Int)] = ["spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)]

    /// The month or year a gold date begins with ("2019-06-30 (on Sunday)", "2018-06 (last June)", "2018").
    static func goldRange(_ text: String?) -> ClosedRange<Day>? {
        guard let text else { return nil }
        // "2019-01 or 2019-02 (early next year)": either, so the span of both.
        if let or = text.range(of: " or "), let a = goldRange(String(text[..<or.lowerBound])),
            let b = goldRange(String(text[or.upperBound...]))
        {
            return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
        }
        let head = String(text.prefix(7))
        let parts = head.split(separator: " ")[0].split(separator: "-")
        guard let y = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        if parts.count == 2, parts[1].count == 2, let m = Int(parts[1]) { return EventDate.month(y, m)?.range }
        // "2019 summer", "2019 summer and autumn": the months of the seasons named before any note in brackets.
        let words = text.prefix { $0 != "(" }.split(separator: " ").map { $0.lowercased() }
        let months = words.compactMap { Self.seasons[$0] }
        if let first = months.map(\.0).min(), let last = months.map(\.1).max(),
            let a = EventDate.month(y, first)?.range, let b = EventDate.month(y, last)?.range
        {
            return a.lowerBound...b.upperBound
        }
        return EventDate.year(y)?.range
    }

    /// The shared events that are one event in every article that tells them; this list may only grow.
    static let joined: Set<String> = [
        "stockholm-talks|false", "hanoi-summit|false", "singapore-summit|false", "pompeo-visit-july|false",
        "pompeo-visit-october|false", "slbm-test-october-2019|false", "kim-yong-chol-oval-office-2018|false",
        "panmunjom-meeting|false", "stockholm-return|true", "hanoi-summit|true", "remains-handover|false",
        "remains-ceremony|false", "inter-korean-summit-april|false", "inter-korean-summit-may|false",
        "inter-korean-summit-september|false", "missile-tests-may-2019|false", "missile-tests-summer-2019|false",
        "singapore-summit|true",
    ]

    /// The (event, article) pairs on the main event reached so far: a floor that may only rise.
    static let coveredFloor = 101

    @Test func sharedEventsAreOneEvent() throws {
        guard let outcomes = try Self.outcomes() else { return }
        #expect(outcomes.count >= 15)
        var covered = 0
        var total = 0
        for o in outcomes {
            let id = "\(o.group.key)|\(o.group.planned)"
            covered += o.group.articles.count - o.missing.count
            total += o.group.articles.count
            if Self.joined.contains(id) {
                #expect(o.missing.isEmpty, "\(o.group.key): \(o.event ?? "no event") misses \(o.missing)")
            }
        }
        // The (event, article) pairs that land on the event's main id.
        print("EventCorpusTests: \(covered) of \(total) (event, article) pairs on the main event")
        let whole = outcomes.filter(\.missing.isEmpty).map { "\($0.group.key)|\($0.group.planned)" }
        print("  one event in every article: \(whole.joined(separator: ", "))")
        for o in outcomes where !o.missing.isEmpty {
            print("  \(o.group.key)\(o.group.planned ? " (planned)" : ""): \(o.event ?? "-") misses \(o.missing)")
        }
        #expect(covered >= Self.coveredFloor, "\(covered) of \(total)")
    }

    @Test func plannedReturnStaysApartFromTheTalksHeld() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: Self.articles) else { return }
        let load = CorpusLoader(options: LoadOptions()).load(paths: [Self.articles])
        let corpus = Pipeline(resources: EventTestSupport.resources).run(load)
        let held = corpus.events.filter {
            $0.place?.hasPrefix("Stockholm") == true && !$0.planned && $0.kind == "talks"
        }
        let planned = corpus.events.filter { $0.place?.hasPrefix("Stockholm") == true && $0.planned }
        #expect(held.count == 1, "\(held.map(\.id))")
        #expect(!planned.isEmpty)
        for p in planned {
            #expect(p.related.contains { r in held.contains { $0.id == r.event } && r.relation == .followUp })
        }
    }
}
