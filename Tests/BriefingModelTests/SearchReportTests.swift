import Foundation
import Testing

@testable import BriefingModel

@Suite struct SearchReportTests {
    typealias F = SearchFixture

    @Test func plainListingIsAlignedAndCutToWidth() {
        let text = TextReport.quotes(F.corpus, width: 100)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == F.quotes.count)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines[0].hasPrefix("2019-10-05  Morgan Ortagus"))
        #expect(lines[0].contains("a1:3"))  // paragraph 2, shown 1-based
        #expect(lines[0].hasSuffix("…\u{201D}"))  // long quote cut
        #expect(lines[8].contains("(unattributed)"))
        #expect(lines[7].hasPrefix("undated"))
        // Every quote column starts at the same place.
        let starts = lines.map { $0.distance(from: $0.startIndex, to: $0.firstIndex(of: "\u{201C}") ?? $0.endIndex) }
        #expect(Set(starts).count == 1)
        let narrow = TextReport.quotes(F.corpus, width: 80).split(separator: "\n")
        #expect(narrow.allSatisfy { $0.count <= 80 })
        #expect(TextReport.quotes(Corpus()) == "")
    }

    /// The listings' cutting as first written, on `Character`s throughout.
    enum CharacterColumns {
        static func cut<S: StringProtocol>(_ s: S, _ n: Int) -> String {
            guard s.count > n else { return String(s) }
            guard n > 1 else { return String(s.prefix(max(0, n))) }
            return String(s.prefix(n - 1)) + "…"
        }
        static func cutPlace(_ s: String, _ n: Int) -> String {
            guard s.count > n, let colon = s.lastIndex(of: ":") else { return s }
            let tail = String(s[colon...])
            return cut(String(s[..<colon]), max(1, n - tail.count)) + tail
        }
    }

    /// One-byte characters are counted and cut by bytes, the rest by `Character`: both as `Character`s alone do.
    @Test func columnsAreCountedAndCutAsCharactersDo() {
        let texts = [
            "", "a", "ab", "Morgan Ortagus", "2019-10-05", "abc:12", "a:b:3", ":7", "no colon here at all", "x\r\ny",
            "\r\n\r\n", "North’s envoy", "e\u{301}e\u{301}e\u{301}", "👍🏽👍🏽 yes", "🇰🇷🇺🇸 talks:4", "中文 한국어:12",
            "20190227-hanoi-summit-ends-early:3", "tab\there", String(repeating: "x", count: 40) + ":105",
        ]
        for t in texts {
            #expect(TextColumns.characters(t) == t.count, "\(t)")
            for n in -1...42 {
                #expect(TextColumns.cut(t, n) == CharacterColumns.cut(t, n), "cut \(t) \(n)")
                #expect(TextColumns.cut(t[...], n) == CharacterColumns.cut(t[...], n), "cut slice \(t) \(n)")
                #expect(QuoteRow.cutPlace(t, n) == CharacterColumns.cutPlace(t, n), "cutPlace \(t) \(n)")
            }
        }
    }

    /// Spaces come from a table of 64: longer runs are written in pieces, none for a count below one.
    @Test func writerWritesRunsOfSpacesAndSlices() {
        let text = TextWriter.collect { w in
            w.spaces(0)
            w.spaces(-3)
            w.write("a")
            w.spaces(130)
            w.write("North’s envoy said"[...].dropFirst(8))
            w.spaces(64)
            w.spaces(1)
        }
        #expect(text == "a" + String(repeating: " ", count: 130) + "envoy said" + String(repeating: " ", count: 65))
    }

    /// `alignedColumns` as first written: each line built whole, then its trailing spaces dropped.
    static func referenceColumns(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        func cut(_ s: String) -> String { s.count > 40 ? String(s.prefix(39)) + "…" : s }
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], cut(cell).count)
            }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let shown = cut(cell)
                let pad = String(repeating: " ", count: widths[i] - shown.count)
                line += rightAligned.contains(i) ? pad + shown : shown + pad
                if i < row.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// Spaces held back until something follows them give the lines the reference builds and trims.
    @Test func alignedColumnsMatchTheTrimmedLines() {
        let long = String(repeating: "Kim Jong Un’s envoy ", count: 3)
        let tables: [[[String]]] = [
            [["NAME", "KIND", "QUOTES"], ["Morgan Ortagus", "person", "12"], ["Kim", "person", "3"]],
            [["a ", "", ""], ["", "b  ", ""], ["c", "", "  "], ["", "", ""], ["x ", "y ", "z"]],
            [[long, "x"], ["North’s", "e\u{301}e\u{301} "], ["👍🏽", "中文 "], ["tab\t", " lead"]],
            [["1", "22", "333"], ["4444", "5", ""], ["", "", "6 "]],
        ]
        for rows in tables {
            for right in [Set<Int>(), [0], [1], [2], [0, 2]] {
                let got = TextWriter.collect { out in
                    TextReport.alignedColumns(rows: rows.count, rightAligned: right, to: &out) { rows[$0] }
                }
                #expect(got == Self.referenceColumns(rows, rightAligned: right), "\(rows) \(right)")
            }
        }
    }

    /// Articles are counted once each, also when a speaker's mentions come back to an article.
    @Test func speakersArticlesAreCountedOnce() {
        let mentions = [("a", 1), ("a", 2), ("b", 1), ("a", 5), ("c", 0), ("c", 0)].map {
            Mention(article: $0.0, paragraph: $0.1)
        }
        #expect(Speaker(id: "s", name: "S", kind: .person, mentions: mentions).articleCount == 3)
        #expect(Speaker(id: "s", name: "S", kind: .person).articleCount == 0)
    }

    /// The listings are streamed: the sink gets chunks of about the asked size, in order, that make the same text.
    @Test func listingsStreamedInSmallChunksEqualTheWholeText() {
        final class Chunks { var list: [[UInt8]] = [] }
        let chunks = Chunks()
        TextWriter.stream(chunkSize: 64, sink: { chunks.list.append(Array($0)) }) {
            TextReport.quotes(F.corpus, width: 100, to: &$0)
        }
        #expect(chunks.list.count > 1)
        #expect(chunks.list.dropLast().allSatisfy { $0.count >= 64 })
        #expect(String(decoding: chunks.list.joined(), as: UTF8.self) == TextReport.quotes(F.corpus, width: 100))
    }

    /// An event's articles: each once, in order of first mention; a paragraph reads "(one of N)" only when every
    /// mention there counts the event among others.
    @Test func eventArticlesGroupParagraphsAndMarkCountedOnes() {
        let mentions = [
            EventMention(article: "a", paragraph: 2, text: "the talks"),
            EventMention(article: "b", paragraph: 1, text: "three summits", count: 3),
            EventMention(article: "a", paragraph: 5, text: "two rounds", count: 2),
            EventMention(article: "a", paragraph: 2, text: "four meetings", count: 4),
            EventMention(article: "b", paragraph: 1, text: "three summits", count: 3),
        ]
        #expect(TextReport.articleList(mentions) == "a ¶2,5 (one of 2); b ¶1 (one of 3)")
    }

    /// `articleList` as first written: places hashed, each paragraph's text made and compared per mention.
    static func referenceArticleList(_ mentions: [EventMention]) -> String {
        struct Place: Hashable {
            var article: String
            var paragraph: Int
        }
        var uncounted = Set<Place>()
        for m in mentions where m.count == nil { uncounted.insert(Place(article: m.article, paragraph: m.paragraph)) }
        var articles: [(article: String, paragraphs: [String])] = []
        var position: [String: Int] = [:]
        for m in mentions {
            let counted = !uncounted.contains(Place(article: m.article, paragraph: m.paragraph))
            let p = counted ? "\(m.paragraph) (one of \(m.count ?? 0))" : "\(m.paragraph)"
            if let i = position[m.article] {
                if !articles[i].paragraphs.contains(p) { articles[i].paragraphs.append(p) }
            } else {
                position[m.article] = articles.count
                articles.append((m.article, [p]))
            }
        }
        return articles.map { "\($0.article) ¶" + $0.paragraphs.joined(separator: ",") }.joined(separator: "; ")
    }

    /// Articles that come back after others, paragraphs counted differently, uncounted ones met late: as before.
    @Test func eventArticlesMatchThePlaceHashingList() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let n = round % 40
            let mentions = (0..<n).map { _ in
                EventMention(
                    article: ["a", "b", "c", "a-long-article-id-2019-02-28"].randomElement(using: &generator) ?? "a",
                    paragraph: Int.random(in: 0..<4, using: &generator), text: "talks",
                    count: Bool.random(using: &generator) ? nil : Int.random(in: 1...3, using: &generator))
            }
            #expect(TextReport.articleList(mentions) == Self.referenceArticleList(mentions), "\(mentions)")
        }
    }

    /// Each item counts the quotes that touch it (a quote naming an item twice once) and shows the first few.
    @Test func agendaReportCountsAndShowsTheQuotesOfEachItem() {
        let items = [AgendaItem(id: "p1", text: "new relations"), AgendaItem(id: "p2", text: "a peace regime")]
        let agenda = Agenda(id: "four", label: "four pillars", article: "a", paragraph: 0, items: items)
        let quotes = (0..<5).map { n in
            Quote(
                id: "a#q\(n)", article: "a", paragraph: n, start: 0, end: 0, text: "words \(n)",
                speaker: n == 0 ? "s" : nil, pillars: n == 4 ? ["p2"] : ["p1", "p1"])
        }
        let c = Corpus(
            speakers: [Speaker(id: "s", name: "Morgan Ortagus", kind: .person)], quotes: quotes, agendas: [agenda])
        let lines = TextReport.agenda(c, quotesPerItem: 2).split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "four pillars  [four]  enumerated in a ¶0",
                "  1. new relations",
                "     4 quote(s), 0 passage(s)",
                "     - “words 0” — Morgan Ortagus (a ¶0)",
                "     - “words 1” — unattributed (a ¶1)",
                "  2. a peace regime",
                "     1 quote(s), 0 passage(s)",
                "     - “words 4” — unattributed (a ¶4)",
            ])
    }

    @Test func longColumnsNarrowSoTheQuoteKeepsRoom() throws {
        let id = "2019-10-05-stockholm-talks-break-down-after-eight-hours"
        let article = Article(id: id, path: id, title: "t", date: Day(iso: "2019-10-05"), paragraphs: [])
        let speaker = Speaker(
            id: "s", name: "The Foreign Ministry of the Democratic People's Republic", kind: .organization)
        let text = String(repeating: "negotiations broke down ", count: 10)
        let quote = Quote(
            id: "q", article: id, paragraph: 11, start: 0, end: 0, text: text, speaker: "s",
            cue: "said in a long statement")
        let line = TextReport.quotes(Corpus(articles: [article], speakers: [speaker], quotes: [quote]), width: 100)
        #expect(line.count == 101)  // 100 columns and the newline
        let open = try #require(line.firstIndex(of: "\u{201C}"))
        #expect(line.distance(from: open, to: line.endIndex) >= 40)
        #expect(line.contains("…:12"))
    }

    @Test func longPlacesKeepTheirParagraph() {
        #expect(QuoteRow.cutPlace("2019-10-05-stockholm-talks-break-down-in-sweden:12", 20) == "2019-10-05-stock…:12")
        #expect(QuoteRow.cutPlace("a1:3", 20) == "a1:3")
    }

    @Test func searchHitsHighlightMatchesOnlyWhenStyled() throws {
        let results = try F.index.search("\"creative ideas\" dprk")
        let plain = TextReport.searchHits(results.hits)
        #expect(plain.hasPrefix("2019-10-05  Morgan Ortagus  a1:3\n"))
        #expect(!plain.contains("\u{1B}"))
        let styled = TextReport.searchHits(results.hits, style: .ansi)
        #expect(styled.contains("\u{1B}[1;7mcreative ideas\u{1B}[0m"))
        #expect(styled.contains("\u{1B}[1;7mDPRK\u{1B}[0m"))
        #expect(
            TextReport.highlighted("R\u{E9}gime talks", [0..<6], style: MatchStyle(on: "[", off: "]"))
                == "[R\u{E9}gime] talks")
    }

    @Test func listingJSONResolvesSpeakers() throws {
        let data = try QuoteJSON.encode(F.corpus)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.count == 10)
        #expect(quotes[0]["speakerName"] as? String == "Morgan Ortagus")
        #expect(quotes[0]["date"] as? String == "2019-10-05")
        #expect(quotes[8]["speaker"] is NSNull)
        #expect(quotes[7]["date"] is NSNull)
        #expect(quotes[0]["score"] == nil)
    }

    @Test func searchJSONCarriesScoresAndMatches() throws {
        let data = try QuoteJSON.encode(try F.index.search("sanctions", limit: 5))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["query"] as? String == "sanctions")
        #expect(object["total"] as? Int == 1)
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "q5")
        #expect(hits.first?["matches"] as? [[Int]] == [[16, 25]])
        #expect((hits.first?["score"] as? Double ?? 0) > 0)
    }
}
