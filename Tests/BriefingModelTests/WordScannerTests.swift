import Foundation
import Testing

@testable import BriefingModel

/// The index's byte tokenizer (`WordScanner`) gives exactly the words and offsets of `SearchText.tokenize`.
@Suite struct WordScannerTests {
    static func scanned(_ text: String) -> [SearchToken] {
        var scanner = WordScanner()
        var out: [SearchToken] = []
        scanner.scan(text) { word, start, end in
            out.append(SearchToken(word: String(decoding: word, as: UTF8.self), start: Int(start), end: Int(end)))
        }
        return out
    }

    @Test func agreesWithTheScalarTokenizerOnEdgeCases() {
        let texts = [
            "Kim\u{2019}s don\u{2019}t Sweden's O`Neil KIM\u{2019}S it's' a''b Koreas\u{2019} 3\u{2019}s",
            "a\u{B4}b x\u{2032}y \u{2018}quoted\u{2019} mod\u{2BC}s \u{2019}s ''",
            "Re\u{301}gime x'\u{301}y r\u{E9}gime\u{2019}s",
            "\u{FF21}\u{FF22}\u{FF23} \u{130}stanbul Stra\u{DF}e \u{FB01}nal \u{661}\u{662}\u{663} na\u{EF}ve caf\u{E9}\u{2019}s",
            "\u{5317}\u{671D}\u{9BAE} \u{1F600}x \u{2014}follow-up U.S. \u{201C}great\u{201D} Pyeongyang\u{301}", "",
            "'s \u{2019} end\u{2019} tail'", "x\u{2019}\u{2019}y z\u{2019}\u{301}w \u{300}a",
        ]
        for t in texts { #expect(Self.scanned(t) == SearchText.tokenize(t), "\(t)") }
    }

    @Test func agreesWithTheScalarTokenizerOnTheSampleArticles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: GoldCorpus.articlesFolder.path)
        var checked = 0
        for name in files.sorted() {
            guard
                let text = try? String(
                    contentsOf: GoldCorpus.articlesFolder.appendingPathComponent(name), encoding: .utf8)
            else { continue }
            for line in text.split(separator: "\n") {
                let s = String(line)
                #expect(Self.scanned(s) == SearchText.tokenize(s))
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}

/// Token ends are kept as short lengths; a word longer than that keeps its exact end.
@Suite struct LongTokenTests {
    @Test func aVeryLongWordIsHighlightedWhole() throws {
        let long = String(repeating: "ab", count: 200)
        let text = "x\u{E9} \(long) done"
        var corpus = SearchFixture.corpus
        corpus.quotes = [SearchFixture.quote(1, "a1", 0, nil, text)]
        let index = QuoteIndex(corpus: corpus)
        let hit = try #require(try index.search(long).hits.first)
        #expect(hit.matches == [3..<403])
        #expect(try index.search("done").hits.first?.matches == [404..<408])
    }
}
