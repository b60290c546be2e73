import Foundation
import Testing

@testable import BriefingModel

/// Search over the sample corpus in `Data/articles`.
///
/// `GoldCorpus` takes the articles from the loader and the quotes, speakers and events from the gold files in
/// `Tests/Fixtures/gold` (hand-annotated), so these expectations do not move with extraction quality.
/// `SearchExtractedCorpusTests` runs the same kind of queries through `Briefing.open` once extraction yields quotes.
enum GoldCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let articlesFolder = packageRoot.appendingPathComponent("Data/articles")
    static let goldFolder = packageRoot.appendingPathComponent("Tests/Fixtures/gold")

    struct Gold: Decodable {
        struct GoldSpeaker: Decodable {
            var name: String
            var kind: String
            var aliases: [String]?
        }
        struct GoldQuote: Decodable {
            var paragraph: Int
            var text: String
            var speaker: String?
            var cue: String?
        }
        struct GoldEvent: Decodable {
            var key: String
            var kind: String
            var place: String?
            var paragraphs: [Int]
        }
        var article: String
        var date: String?
        var speakers: [GoldSpeaker]
        var quotes: [GoldQuote]
        var events: [GoldEvent]?
    }

    static func slug(_ name: String) -> String {
        SearchText.words(name).joined(separator: "-")
    }

    /// The sample articles with the gold quotes, speakers and events of every article that has a gold file.
    static let corpus: Corpus = build()

    static func build() -> Corpus {
        let load = CorpusLoader().load(paths: [articlesFolder.path])
        var articles = load.articles
        let byFile = Dictionary(
            articles.indices.map { (URL(fileURLWithPath: articles[$0].path).lastPathComponent, $0) },
            uniquingKeysWith: { a, _ in a })
        var speakers: [String: Speaker] = [:]
        var events: [String: Event] = [:]
        var quotes: [Quote] = []
        let files =
            (try? FileManager.default.contentsOfDirectory(at: goldFolder, includingPropertiesForKeys: nil)) ?? []
        for file in files.filter({ $0.lastPathComponent.hasSuffix(".gold.json") }).sorted(by: { $0.path < $1.path }) {
            guard let data = try? Data(contentsOf: file), let gold = try? JSONDecoder().decode(Gold.self, from: data),
                let a = byFile[URL(fileURLWithPath: gold.article).lastPathComponent]
            else { continue }
            if articles[a].date == nil, let d = gold.date.flatMap(Day.init(iso:)) { articles[a].date = d }
            let article = articles[a].id
            for s in gold.speakers {
                let id = slug(s.name)
                var merged =
                    speakers[id] ?? Speaker(id: id, name: s.name, kind: SpeakerKind(rawValue: s.kind) ?? .person)
                merged.aliases = Array(Set(merged.aliases + (s.aliases ?? []))).sorted()
                speakers[id] = merged
            }
            for e in gold.events ?? [] {
                var event =
                    events[e.key]
                    ?? Event(id: e.key, kind: e.kind, title: e.key.replacingOccurrences(of: "-", with: " "))
                if event.place == nil { event.place = e.place }
                event.mentions += e.paragraphs.map { EventMention(article: article, paragraph: $0, text: e.key) }
                events[e.key] = event
            }
            for (n, q) in gold.quotes.enumerated() {
                let eventIDs = (gold.events ?? []).filter { $0.paragraphs.contains(q.paragraph) }.map(\.key)
                quotes.append(
                    Quote(
                        id: "\(article)#\(n)", article: article, paragraph: q.paragraph, start: 0,
                        end: q.text.unicodeScalars.count, text: q.text, speaker: q.speaker.map(slug), cue: q.cue,
                        events: eventIDs))
            }
        }
        return Corpus(
            articles: articles, speakers: speakers.values.sorted { $0.id < $1.id }, quotes: quotes,
            events: events.values.sorted { $0.id < $1.id })
    }

    static let index = QuoteIndex(corpus: corpus)

    /// Hits of `query` as "article-date speaker: text" strings, in rank order.
    static func hits(_ query: String) throws -> [String] {
        try index.search(query).hits.map {
            "\($0.date?.description ?? "undated") \($0.quote.speaker ?? "-"): \($0.quote.text)"
        }
    }
}

@Suite(.enabled(if: !GoldCorpus.corpus.quotes.isEmpty, "the sample corpus and its gold files are needed"))
struct SearchSampleCorpusTests {
    typealias G = GoldCorpus

    /// The texts of the hits, sorted (for queries whose order is not the point).
    func texts(_ query: String) throws -> [String] {
        try G.index.search(query).hits.map(\.quote.text).sorted()
    }

    func speakers(_ query: String) throws -> Set<String> {
        Set(try G.index.search(query).hits.compactMap(\.speakerName))
    }

    @Test func phrasesFindTheExactWording() throws {
        #expect(try texts("\"creative ideas\"").count == 2)
        #expect(try speakers("\"creative ideas\"") == ["Morgan Ortagus"])
        // Shorter quote first: the 2019-10-05 fragment outranks the long 2019-10-07 statement.
        #expect(
            try G.index.search("\"creative ideas\"").hits.first?.quote.text
                == "brought creative ideas and had good discussions")
        #expect(
            try texts("\"lifted in their entirety\"") == [
                "Basically, they wanted the sanctions lifted in their entirety, and we couldn\u{2019}t do that,",
                "lifted in their entirety",
            ])
        #expect(try texts("\"new way\"") == ["a new way.", "may be compelled to find a new way", "new way,"])
        #expect(try speakers("\"new way\"") == ["Kim Jong Un"])
    }

    @Test func wordsAreAndedAndFolded() throws {
        #expect(
            try texts("sanctions lifted") == [
                "Basically, they wanted the sanctions lifted in their entirety, and we couldn\u{2019}t do that,"
            ])
        // A straight apostrophe in the query finds the curly one in the article.
        #expect(try texts("couldn't") == texts("sanctions lifted"))
        #expect(try texts("gangster").count == 5)
        #expect(try speakers("gangster") == ["North Korean Foreign Ministry", "North Korea", "Mike Pompeo"])
    }

    @Test func stemmingFindsInflections() throws {
        #expect(
            try texts("talk speaker:trump") == [
                "He did sign a contract, he did sign an agreement talking about denuclearization,",
                "Kim Jong Un talked about denuclearization with the South Korean Representatives, not just a freeze. Also, no missile testing by North Korea during this period of time. Great progress being made but sanctions will remain until an agreement is reached. Meeting being planned!",
                "You talk about your nuclear capabilities, but ours are so massive and powerful that I pray to God they will never have to be used.",
            ])
        let denuclearize = try texts("denuclearize speaker:trump")
        #expect(denuclearize.count == 4)
        #expect(denuclearize.contains("the sanctions will stay in place until denuclearization occurs."))
        // negotiations, negotiation, negotiating
        #expect(
            try texts("negotiations after:2019-06-01") == [
                "The negotiations have not fulfilled our expectation and finally broke up,",
                "The negotiations have not fulfilled our expectation and finally broke up,",
                "bringing nothing to the negotiation table.",
                "gone out of the negotiating table.",
                "sickening negotiations",
            ])
    }

    @Test func prefixesOrAndExclusions() throws {
        #expect(try texts("dismantl*").count == 3)
        #expect(try speakers("dismantl*") == ["Heather Nauert", "Donald Trump"])
        #expect(
            try texts("\"rocket man\" OR dotard") == [
                "He definitely likes sending rockets up, doesn\u{2019}t he? That\u{2019}s why I call him Rocket Man,",
                "Rocket Man.",
                "relapse of the dotage of a dotard.",
            ])
        #expect(try texts("regime").count == 5)
        #expect(try texts("regime -\"peace regime\"").count == 2)
        #expect(
            try speakers("event:stockholm -speaker:ortagus") == [
                "Kim Myong Gil", "North Korean Foreign Ministry", "Kim Jong Un",
            ])
    }

    @Test func speakerKindEventArticleAndDateFilters() throws {
        #expect(try texts("speaker:ortagus").count == 6)
        #expect(try texts("speaker:\"morgan ortagus\"") == texts("speaker:ortagus"))
        #expect(
            try speakers("\"peace regime\" kind:group") == [
                "United States and North Korea", "Moon Jae-in and Kim Jong Un",
            ])
        #expect(try texts("regime kind:person").count == 2)
        #expect(try texts("walk event:hanoi") == ["Sometimes you have to walk,"])
        #expect(try texts("event:lidingo").count == 13)  // the place "Lidingö", folded
        #expect(try texts("article:2019-02-28-hanoi-summit-collapses").count == 12)
        #expect(
            try texts("article:stockholm kind:organization") == [
                "complete and irreversible withdrawal of the hostile policy", "sickening negotiations",
            ])
        #expect(try texts("negotiations before:2019-06-01").count == 4)
        let dated = try G.index.search("after:2019-10-05 before:2019-10-06")
        #expect(dated.hits.allSatisfy { $0.date == Day(iso: "2019-10-05") })
        #expect(dated.total == 7)
    }

    @Test func rankingPutsNewestFirstAmongEquals() throws {
        let hits = try G.index.search("speaker:ortagus").hits
        #expect(
            hits.map { $0.date?.description ?? "" } == Array(repeating: "2019-10-07", count: 3)
                + Array(repeating: "2019-10-05", count: 3))
        let ranked = try G.index.search("negotiations").hits
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func matchesHighlightTheWordsAsWritten() throws {
        let hit = try #require(try G.index.search("couldn't sanction*").hits.first)
        #expect(hit.stringRanges.map { String(hit.quote.text[$0]) } == ["sanctions", "couldn\u{2019}t"])
    }

    @Test func typosInFiltersAreReported() throws {
        let results = try G.index.search("speaker:ortagsu")
        #expect(results.total == 0)
        #expect(results.notices == ["no speaker matches 'ortagsu' in the corpus (speaker:ortagsu)"])
    }
}

extension SearchSampleCorpusTests {
    /// Every gold quote is found when its own words are searched as a phrase, and the match covers them all.
    @Test func everyQuoteIsFoundByItsOwnWords() throws {
        for q in G.corpus.quotes {
            let words = SearchText.words(q.text)
            guard words.count >= 2 else { continue }
            let results = G.index.search(SearchQuery(root: .phrase(words)), limit: nil)
            let hit = try #require(results.hits.first { $0.quote.id == q.id }, "\(q.id): \(q.text)")
            let tokens = SearchText.tokenize(q.text)
            #expect(hit.matches.first?.lowerBound == tokens.first?.start, "\(q.id)")
            #expect(hit.matches.last?.upperBound == tokens.last?.end, "\(q.id)")
        }
    }
}

/// Search over the corpus that `Briefing.open` extracts from `Data/articles`; runs once extraction yields quotes.
enum ExtractedCorpus {
    static let corpus: Corpus? = try? Briefing.open(paths: [GoldCorpus.articlesFolder.path]).corpus
    static let index = corpus.map { QuoteIndex(corpus: $0) }
    static var hasQuotes: Bool { !(corpus?.quotes.isEmpty ?? true) }
}

@Suite(.enabled(if: ExtractedCorpus.hasQuotes, "quote extraction yields no quotes yet"))
struct SearchExtractedCorpusTests {
    func hits(_ query: String) throws -> [SearchHit] {
        try #require(ExtractedCorpus.index).search(query).hits
    }

    @Test func findsOrtagusOnTheStockholmTalks() throws {
        let creative = try hits("\"creative ideas\"")
        #expect(!creative.isEmpty)
        #expect(creative.contains { $0.speakerName?.contains("Ortagus") == true })
        let ortagus = try hits("speaker:ortagus")
        #expect(ortagus.contains { $0.quote.text.contains("creative ideas") })
        #expect(ortagus.allSatisfy { $0.speakerName?.contains("Ortagus") == true })
    }

    @Test func findsTrumpOnTheHanoiWalkout() throws {
        #expect(
            try hits("sanctions lifted entirety").contains { $0.quote.text.contains("wanted the sanctions lifted") })
        #expect(try hits("walk after:2019-02-27 before:2019-03-01").contains { $0.quote.text.contains("have to walk") })
    }

    @Test func filtersResolveAgainstExtractedEntities() throws {
        let corpus = try #require(ExtractedCorpus.corpus)
        if corpus.events.contains(where: {
            $0.title.lowercased().contains("hanoi") || $0.place?.lowercased().contains("hanoi") == true
        }) {
            #expect(!(try hits("event:hanoi")).isEmpty)
        }
        let denuclearization = corpus.agendas.flatMap(\.items).filter {
            ($0.name ?? $0.text).lowercased().contains("denucleariz")
        }
        if !denuclearization.isEmpty {
            let ids = Set(denuclearization.map(\.id))
            let found = try hits("pillar:denuclearization")
            #expect(found.allSatisfy { !ids.isDisjoint(with: $0.quote.pillars) })
        }
        if corpus.speakers.contains(where: { $0.kind == .group }) {
            #expect(
                try hits("kind:group").allSatisfy { h in
                    corpus.speakers.first { $0.id == h.quote.speaker }?.kind == .group
                })
        }
    }

    func texts(_ query: String) throws -> [String] { try hits(query).map(\.quote.text) }

    @Test func everyQueryFormFindsTheNamedQuotes() throws {
        // Words (ANDed), folded: the article writes couldn’t with a curly apostrophe.
        #expect(
            try texts("couldn't sanctions").contains { $0.hasPrefix("Basically, they wanted the sanctions lifted") })
        // Phrase and exclusion: the short Stockholm fragment, not the long statement that names the pillars.
        #expect(
            try texts("\"creative ideas\" -\"four pillars\"") == ["brought creative ideas and had good discussions"])
        // Prefix: Pompeo's retort is among the gangster-like quotes.
        let gangster = try hits("gangster*")
        #expect(gangster.count >= 3)
        #expect(
            gangster.contains {
                $0.speakerName == "Mike Pompeo" && $0.quote.text.hasPrefix("If those requests were gangster-like")
            })
        // OR between a phrase and a word.
        let insults = try texts("\"rocket man\" OR dotard")
        #expect(insults.contains("relapse of the dotage of a dotard."))
        #expect(insults.contains("Rocket Man."))
        // Stemming: talk finds talking and talked.
        let talk = try texts("talk speaker:trump")
        #expect(talk.contains { $0.contains("talking about denuclearization") })
        #expect(talk.contains { $0.contains("talked about denuclearization") })
    }

    @Test func everyFilterFindsTheNamedQuotes() throws {
        #expect(
            try texts("article:2019-10-05-stockholm-talks-break-down speaker:ortagus").contains(
                "brought creative ideas and had good discussions"))
        #expect(try texts("\"peace regime\" kind:group").contains("a permanent and solid peace regime"))
        #expect(
            try texts("event:stockholm negotiations").contains(
                "The negotiations have not fulfilled our expectation and finally broke up,"))
        let pillar = try hits("pillar:denuclearization")
        #expect(
            pillar.contains {
                $0.quote.text == "He did sign a contract, he did sign an agreement talking about denuclearization,"
            })
        // The denuclearization item is the third of the Singapore agenda.
        let corpus = try #require(ExtractedCorpus.corpus)
        if let n = corpus.agendas.compactMap({ a in a.items.firstIndex { $0.name == "denuclearization" } }).first {
            #expect(Set(try hits("pillar:\(n + 1)").map(\.quote.id)).isSuperset(of: pillar.map(\.quote.id)))
        }
        #expect(try texts("negotiations after:2019-06-01").allSatisfy { !$0.contains("long way from negotiations") })
        #expect(try texts("negotiations before:2019-06-01").contains("a long way from negotiations"))
    }
}
