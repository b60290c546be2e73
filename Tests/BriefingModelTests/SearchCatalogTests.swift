import Testing

@testable import BriefingModel

/// The catalog filters resolve against: words and stems interned as bytes, each word's entries one run of a flat
/// list.
@Suite struct SearchCatalogTests {
    static func table(_ entries: [[String]]) -> CatalogTable {
        var t = CatalogTable()
        var scanner = WordScanner()
        var scratch: [UInt8] = []
        for texts in entries { t.append(texts: texts, scanner: &scanner, scratch: &scratch) }
        t.finish()
        return t
    }

    static func value(_ words: [String], prefix: Bool = false) -> FilterWords {
        FilterWords(words: words, lastIsPrefix: prefix)
    }

    @Test func wordsRepeatedInAnEntryGiveItOnce() {
        let t = Self.table([
            ["Kim Jong Un", "Kim", "Chairman Kim"],
            ["Kim Yo Jong"],
            ["Moon Jae-in"],
        ])
        #expect(t.positions(matching: Self.value(["kim"])) == [0, 1])
        #expect(t.positions(matching: Self.value(["kim", "jong"])) == [0, 1])
        #expect(t.positions(matching: Self.value(["jong", "un"])) == [0])
        #expect(t.positions(matching: Self.value(["jae"])) == [2])
        #expect(t.positions(matching: Self.value(["nobody"])) == [])
        #expect(t.positions(matching: Self.value([])) == [0, 1, 2])  // no words: every entry
    }

    @Test func prefixesSpanSeveralWordsAndStemsMatchInflections() {
        let t = Self.table([
            ["Stockholm talks", "working-level talk"],
            ["Hanoi summit", "summits"],
            ["Stock market"],
        ])
        // "sto" starts "stockholm" and "stock": both entries, each once, ascending.
        #expect(t.positions(withWordPrefix: "sto") == [0, 2])
        #expect(t.positions(withWordPrefix: "su") == [1])
        #expect(t.positions(withWordPrefix: "zz") == [])
        #expect(t.positions(withWordPrefix: "") == [0, 1, 2])
        #expect(t.positions(matching: Self.value(["summit"])) == [1])  // "summits" and "summit" share a stem
        #expect(t.positions(matching: Self.value(["talking"])) == [0])
        #expect(t.positions(matching: Self.value(["hanoi", "sum"], prefix: true)) == [1])
        #expect(t.positions(matching: Self.value(["stockholm", "sum"], prefix: true)) == [])
    }

    @Test func entriesAddedAfterAFinishAreFoundWithTheEarlierOnes() {
        var t = Self.table([["Hanoi summit"]])
        var scanner = WordScanner()
        var scratch: [UInt8] = []
        t.append(texts: ["Singapore summit"], scanner: &scanner, scratch: &scratch)
        t.finish()
        #expect(t.positions(matching: Self.value(["summit"])) == [0, 1])
        #expect(t.positions(withWordPrefix: "sing") == [1])
        #expect(t.positions(matching: Self.value(["hanoi"])) == [0])
        #expect(t.count == 2)
    }

    @Test func articleIDsMatchCaseFoldedAndFallBackToWords() {
        let articles = ["B-2", "a3", "A3", "b-1"].map {
            Article(id: $0, path: $0 + ".md", title: "Talks in \($0 == "b-1" ? "Hanoi" : "Seoul")", paragraphs: [])
        }
        let catalog = SearchCatalog(corpus: Corpus(articles: articles))
        #expect(catalog.articleIDs(id: "a3", words: Self.value(["a3"])) == ["a3", "A3"])
        #expect(catalog.articleIDs(id: "b-2", words: Self.value(["b", "2"])) == ["B-2"])
        #expect(catalog.articleIDs(id: "hanoi", words: Self.value(["hanoi"])) == ["b-1"])
        #expect(catalog.articleIDs(id: "zz", words: Self.value(["zz"])) == [])
    }
}
