import Foundation
import Testing

@testable import BriefingModel

/// Checks the sample corpus in `Data/articles` and its gold annotations in `Tests/Fixtures/gold`.
///
/// The article and quote counts are the bars for the whole corpus (both halves together).
@Suite struct SampleCorpusTests {
    /// The event keys both halves of the corpus use for the same real events.
    static let sharedEventKeys: Set<String> = [
        "summit-announcement", "inter-korean-summit-april", "summit-cancellation", "inter-korean-summit-may",
        "singapore-summit", "pompeo-visit-july", "remains-handover", "remains-ceremony",
        "inter-korean-summit-september", "pompeo-visit-october", "hanoi-summit", "missile-tests-may-2019",
        "panmunjom-meeting", "missile-tests-summer-2019", "stockholm-talks", "stockholm-return", "year-end-deadline",
    ]

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let articlesFolder = packageRoot.appendingPathComponent("Data/articles")
    static let goldFolder = packageRoot.appendingPathComponent("Tests/Fixtures/gold")

    /// The parts of a gold file these tests read.
    struct Gold: Decodable {
        struct QuoteSpan: Decodable {
            var paragraph: Int
            var text: String
            var speaker: String?
        }
        struct EventMention: Decodable {
            var key: String
            var paragraphs: [Int]
        }
        var article: String
        var date: String?
        var quotes: [QuoteSpan]
        var notQuotes: [QuoteSpan]?
        var events: [EventMention]?

        enum CodingKeys: String, CodingKey {
            case article, date, quotes, events
            case notQuotes = "not_quotes"
        }
    }

    /// A gold file with where it was found and the article file it names.
    struct LoadedGold {
        var file: URL
        var articlePath: String
        var gold: Gold
    }

    static func loadCorpus() -> LoadResult {
        CorpusLoader().load(paths: [articlesFolder.path])
    }

    static func goldFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: goldFolder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func loadGolds() throws -> [LoadedGold] {
        try goldFiles().map { url in
            let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: url))
            let articleURL = url.deletingLastPathComponent().appendingPathComponent(gold.article).standardizedFileURL
            return LoadedGold(file: url, articlePath: articleURL.path, gold: gold)
        }
    }

    static func wordCount(_ article: Article) -> Int {
        article.paragraphs.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
    }

    /// Quoted spans in a paragraph, counted from the marks alone: every curly opening mark starts one, and
    /// straight marks are taken in pairs (an unpaired last one opens a quote that runs into the next paragraph).
    static func quotationSpans(in text: String) -> Int {
        var curly = 0
        var straight = 0
        for ch in text {
            if ch == "\u{201C}" { curly += 1 }
            if ch == "\"" { straight += 1 }
        }
        return curly + (straight + 1) / 2
    }

    @Test func corpusLoadsWithoutWarnings() {
        let result = Self.loadCorpus()
        #expect(!result.articles.isEmpty)
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description))")
    }

    /// Whole-corpus bar: both halves together.
    @Test func corpusHoldsAtLeast24Articles() {
        #expect(Self.loadCorpus().articles.count >= 24)
    }

    @Test func everyArticleIsBetween250And900Words() {
        for article in Self.loadCorpus().articles {
            let words = Self.wordCount(article)
            #expect((250...900).contains(words), "\(article.path): \(words) words")
        }
    }

    @Test func atLeastThreeArticlesHaveNoFrontMatter() {
        let bare = Self.loadCorpus().articles.filter { $0.date == nil && $0.source == nil && $0.tags.isEmpty }
        #expect(bare.count >= 3, "\(bare.map(\.path))")
    }

    @Test func goldFilesParseAndNameExistingArticles() throws {
        let golds = try Self.loadGolds()
        #expect(golds.count >= 5)
        let articles = Dictionary(
            Self.loadCorpus().articles.map { (URL(fileURLWithPath: $0.path).standardizedFileURL.path, $0) },
            uniquingKeysWith: { first, _ in first })
        for loaded in golds {
            let name = loaded.file.lastPathComponent
            #expect(
                FileManager.default.fileExists(atPath: loaded.articlePath), "\(name): no article \(loaded.gold.article)"
            )
            #expect(articles[loaded.articlePath] != nil, "\(name): article not in the loaded corpus")
            if let date = loaded.gold.date {
                #expect(Day(iso: date) != nil, "\(name): date \(date)")
            }
            #expect(!loaded.gold.quotes.isEmpty, "\(name): no quotes")
        }
    }

    @Test func goldQuoteTextsStandVerbatimInTheirParagraphs() throws {
        let articles = Dictionary(
            Self.loadCorpus().articles.map { (URL(fileURLWithPath: $0.path).standardizedFileURL.path, $0) },
            uniquingKeysWith: { first, _ in first })
        for loaded in try Self.loadGolds() {
            let name = loaded.file.lastPathComponent
            guard let article = articles[loaded.articlePath] else {
                Issue.record("\(name): article \(loaded.gold.article) not loaded")
                continue
            }
            for span in loaded.gold.quotes + (loaded.gold.notQuotes ?? []) {
                guard article.paragraphs.indices.contains(span.paragraph) else {
                    Issue.record("\(name): paragraph \(span.paragraph) out of range (\(article.paragraphs.count))")
                    continue
                }
                #expect(!span.text.isEmpty, "\(name): empty span in paragraph \(span.paragraph)")
                #expect(
                    article.paragraphs[span.paragraph].text.contains(span.text),
                    "\(name) p\(span.paragraph): \(span.text.prefix(60))")
            }
            for span in loaded.gold.quotes {
                #expect(span.speaker?.isEmpty == false, "\(name) p\(span.paragraph): quote without speaker")
            }
            for event in loaded.gold.events ?? [] {
                for p in event.paragraphs {
                    #expect(article.paragraphs.indices.contains(p), "\(name): event \(event.key) paragraph \(p)")
                }
            }
        }
    }

    /// Whole-corpus bar: at least 150 quotes, counted from the quotation marks minus the spans gold marks as not quotes.
    @Test func corpusHoldsAtLeast150Quotes() throws {
        let spans = Self.loadCorpus().articles.reduce(0) { total, article in
            total + article.paragraphs.reduce(0) { $0 + Self.quotationSpans(in: $1.text) }
        }
        let notQuotes = try Self.loadGolds().reduce(0) { $0 + ($1.gold.notQuotes?.count ?? 0) }
        #expect(spans - notQuotes >= 150, "\(spans) quoted spans, \(notQuotes) of them not quotes")
    }

    /// Shared event keys that occur in the gold occur in at least two articles' gold, and at least eight do.
    @Test func sharedEventKeysAreCoveredByTwoArticles() throws {
        var articlesPerKey: [String: Set<String>] = [:]
        for loaded in try Self.loadGolds() {
            for event in loaded.gold.events ?? [] where Self.sharedEventKeys.contains(event.key) {
                articlesPerKey[event.key, default: []].insert(loaded.articlePath)
            }
        }
        for (key, articles) in articlesPerKey.sorted(by: { $0.key < $1.key }) {
            #expect(articles.count >= 2, "\(key) is annotated in only \(articles.count) article")
        }
        let covered = articlesPerKey.values.filter { $0.count >= 2 }.count
        #expect(covered >= 8, "only \(covered) shared event keys are annotated in two articles")
    }

    @Test func quotationSpanCountReadsCurlyStraightAndOpenMarks() {
        #expect(Self.quotationSpans(in: "He said \u{201C}yes\u{201D} and \u{201C}no.\u{201D}") == 2)
        #expect(Self.quotationSpans(in: "She said \"one\" and \"two\".") == 2)
        #expect(Self.quotationSpans(in: "\"An open quote that runs on") == 1)
        #expect(Self.quotationSpans(in: "No quotes, only it's apostrophes.") == 0)
    }
}
