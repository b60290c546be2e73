import Foundation
import Testing

@testable import BriefingModel

/// The paragraphs of a loaded article share one string (`Paragraph.sharing`), and what is cut from them (quote
/// texts, cache ranges) is cut from that string, counted from each paragraph's own start.
@Suite struct SharedParagraphTextTests {
    let loader = CorpusLoader()

    static let body = """
        ---
        title: Shared
        ---

        “We will talk,” said the envoy,
        late on Tuesday.

        ## Café talks

        A second\u{0B}paragraph — with “a 😀 quote” from Kim Jong Un.\r
        \r
        Last “words here,” the minister said.
        """

    /// The one string the paragraphs are slices of, when they share one.
    static func shared(_ a: Article) -> String? {
        guard let first = a.paragraphs.first?.textSlice.base else { return nil }
        return a.paragraphs.allSatisfy({ $0.textSlice.base.utf8.elementsEqual(first.utf8) }) ? first : nil
    }

    @Test func aLoadedArticlesParagraphsAreSlicesOfOneStringHoldingExactlyTheirTexts() throws {
        let article = try #require(loader.load(text: Self.body, path: "s.md").articles.first)
        let texts = [
            "“We will talk,” said the envoy, late on Tuesday.", "## Café talks",
            "A second paragraph — with “a 😀 quote” from Kim Jong Un.", "Last “words here,” the minister said.",
        ]
        #expect(article.paragraphs.map(\.text) == texts)
        #expect(article.paragraphs.map(\.line) == [5, 8, 10, 12])
        #expect(article.paragraphs.map { String($0.textSlice) } == texts)
        // Nothing between or around them: the string is their texts end to end.
        #expect(Self.shared(article) == texts.joined())
    }

    @Test func aJSONLinesArticleSharesOneStringAndEveryParagraphStandsOnItsLine() throws {
        let dir = try TempFolder()
        let path = try dir.write(
            "a.jsonl", "\n{\"title\": \"T\", \"text\": \"One “two” three.\\n\\nFour five.\\n\\nSix.\"}\n")
        let article = try #require(loader.load(paths: [path]).articles.first)
        #expect(article.paragraphs.map(\.text) == ["One “two” three.", "Four five.", "Six."])
        #expect(article.paragraphs.map(\.line) == [2, 2, 2])
        #expect(Self.shared(article) == "One “two” three.Four five.Six.")
    }

    @Test func aSharedParagraphEqualsHashesAndEncodesAsOneWithItsOwnString() throws {
        let shared = Paragraph.sharing([(text: "Alpha beta."[...], line: 3), (text: "Gamma “delta”."[...], line: 5)])
        let own = [Paragraph(text: "Alpha beta.", line: 3), Paragraph(text: "Gamma “delta”.", line: 5)]
        #expect(shared == own)
        #expect(Set(shared + own).count == 2)
        #expect(shared.map(\.hashValue) == own.map(\.hashValue))
        #expect(shared[0] != Paragraph(text: "Alpha beta.", line: 4))
        #expect(shared[1] != Paragraph(text: "Gamma delta.", line: 5))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(shared)
        #expect(
            String(decoding: json, as: UTF8.self)
                == #"[{"line":3,"text":"Alpha beta."},{"line":5,"text":"Gamma “delta”."}]"#)
        #expect(try JSONDecoder().decode([Paragraph].self, from: json) == own)
        // Set anew, a paragraph has a string of its own; the others keep theirs.
        var edited = shared
        edited[1].text = "Changed."
        #expect(edited[1].textSlice.base == "Changed.")
        #expect(edited[0].text == "Alpha beta.")
        #expect(edited[0].textSlice.base == "Alpha beta.Gamma “delta”.")
        // One text alone, or none: nothing to share.
        #expect(Paragraph.sharing([(text: "Solo."[...], line: 1)]).first?.textSlice.base == "Solo.")
        #expect(Paragraph.sharing([(text: Substring, line: Int)]()).isEmpty)
    }

    @Test func quoteTextsAreCutFromTheArticlesStringNotFromCopiesOfTheirParagraphs() throws {
        let load = loader.load(text: Self.body, path: "s.md")
        let article = try #require(load.articles.first)
        let whole = try #require(Self.shared(article))
        let corpus = ExtractionSupport.pipeline.run(load)
        let texts = corpus.quotes.map(\.text)
        #expect(texts.contains("We will talk,"))
        #expect(texts.contains("words here,"))
        for q in corpus.quotes {
            #expect(q.textSlice.base == whole, "\(q.id)")
            let paragraph = article.paragraphs[q.paragraph].text
            #expect(paragraph.contains(q.text), "\(q.id)")
        }
    }

    @Test func theCacheKeepsAQuoteAsARangeOfItsParagraphCountedFromTheParagraphsStart() throws {
        let load = loader.load(text: Self.body, path: "s.md")
        let corpus = ExtractionSupport.pipeline.run(load)
        let late = try #require(corpus.quotes.first { $0.paragraph == 3 })
        var slices = QuoteSlices(corpus.articles)
        let found = slices.utf8Range(late)
        let range = try #require(found)
        let paragraph = corpus.articles[0].paragraphs[3].text
        let bytes = Array(paragraph.utf8)
        #expect(range.upperBound <= bytes.count)
        #expect(String(decoding: bytes[range], as: UTF8.self) == late.text)

        let decoded = try CompactStorageTests.throughCache(corpus)
        #expect(decoded == corpus)
        #expect(decoded.quotes.map(\.text) == corpus.quotes.map(\.text))
        // Read back, the paragraphs share one string again, and the quote is cut from it.
        let whole = try #require(Self.shared(decoded.articles[0]))
        #expect(whole == corpus.articles[0].paragraphs.map(\.text).joined())
        let back = try #require(decoded.quotes.first { $0.id == late.id })
        #expect(back.textSlice.base == whole)
        #expect(back.text == late.text)
    }

    @Test func cachedParagraphsThatCutACharacterOrAreNotUTF8AreRefused() throws {
        // Count 2, then text and line (zigzag) each: "\u{C3}" + "\u{A9}A" join to "éA", but the second starts inside é.
        var scratch: [UInt8] = []
        var cut = BinaryReader(bytes: [2, 1, 0xC3, 2, 2, 0xA9, 0x41, 4])
        #expect(throws: BinaryCoder.Malformed.self) { try CorpusCodec.readParagraphs(&cut, scratch: &scratch) }
        var invalid = BinaryReader(bytes: [2, 1, 0x41, 2, 1, 0xFF, 4])
        #expect(throws: BinaryCoder.Malformed.self) { try CorpusCodec.readParagraphs(&invalid, scratch: &scratch) }
        var fine = BinaryReader(bytes: [2, 1, 0x41, 2, 2, 0xC3, 0xA9, 4])
        let read = try CorpusCodec.readParagraphs(&fine, scratch: &scratch)
        #expect(read == [Paragraph(text: "A", line: 1), Paragraph(text: "é", line: 2)])
        #expect(read.first?.textSlice.base == "Aé")
    }
}
