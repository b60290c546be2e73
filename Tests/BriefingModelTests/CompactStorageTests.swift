import Foundation
import Testing

@testable import BriefingModel

/// The compact storage of quotes and event mentions: same values through the public properties, quote texts
/// kept as slices of their paragraphs where they equal them, and never a slice that cuts a character's scalars.
@Suite struct CompactStorageTests {
    /// "e" + combining acute, an emoji (4 UTF-8 bytes), curly quotes: scalar and UTF-8 offsets all differ.
    static let paragraph = "He said \u{201C}cafe\u{301} 😀 talks\u{201D} today."

    /// The scalar range of `needle` in `text`.
    static func scalarRange(of needle: String, in text: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars)
        let n = Array(needle.unicodeScalars)
        for i in 0...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n {
            return i..<(i + n.count)
        }
        return 0..<0
    }

    /// `corpus` written to a cache file and read back.
    static func throughCache(_ corpus: Corpus) throws -> Corpus {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CorpusCache.writeBinary(to: path) { w in CorpusCodec.write(corpus, skipped: [], to: &w) }
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        return try CorpusCodec.read(descriptor: fd).corpus
    }

    @Test func quotePropertiesReadBackWhatWasSet() {
        var q = Quote(id: "a#q1", article: "a", paragraph: 3, start: 10, end: 20, text: "words", speaker: "s")
        #expect((q.paragraph, q.start, q.end, q.text) == (3, 10, 20, "words"))
        q.paragraph = 7
        q.start = 1
        q.end = 2
        q.text = "other"
        #expect((q.paragraph, q.start, q.end, q.text, String(q.textSlice)) == (7, 1, 2, "other", "other"))
        // Out of 32-bit range: clamped, not trapped.
        q.start = Int.min
        #expect(q.start == Int(Int32.min))
    }

    @Test func eventMentionCountKeepsNilApartFromNumbers() {
        var m = EventMention(article: "a", paragraph: 2, text: "three summits", count: 3)
        #expect(m.count == 3 && m.paragraph == 2)
        m.count = nil
        #expect(m.count == nil)
        m.count = 0
        #expect(m.count == 0)
        m.count = Int.min
        #expect(m.count != nil)
        #expect(
            EventMention(article: "a", paragraph: 0, text: "x") == EventMention(article: "a", paragraph: 0, text: "x"))
    }

    @Test func codableQuoteAndMentionKeepTheirFieldNames() throws {
        let q = Quote(id: "a#q1", article: "a", paragraph: 0, start: 1, end: 4, text: "abc", pillars: ["p"])
        let json = String(decoding: try JSONEncoder().encode(q), as: UTF8.self)
        #expect(json.contains("\"text\":\"abc\"") && json.contains("\"paragraph\":0") && !json.contains("stored"))
        #expect(try JSONDecoder().decode(Quote.self, from: Data(json.utf8)) == q)
        let m = EventMention(article: "a", paragraph: 1, text: "the summit")
        let mj = String(decoding: try JSONEncoder().encode(m), as: UTF8.self)
        #expect(!mj.contains("count") && !mj.contains("stored"))
        #expect(try JSONDecoder().decode(EventMention.self, from: Data(mj.utf8)) == m)
    }

    @Test func scalarSlicerCutsAtScalarsNotCharacters() {
        var slicer = ScalarSlicer(Self.paragraph[...])
        let inner = Self.scalarRange(of: "cafe\u{301} 😀 talks", in: Self.paragraph)
        #expect(slicer.slice(inner).map(String.init) == "cafe\u{301} 😀 talks")
        // The combining mark alone: a character's second scalar, which a string subscript would round away.
        let mark = Self.scalarRange(of: "\u{301}", in: Self.paragraph)
        #expect(slicer.slice(mark).map { Array($0.unicodeScalars) } == ["\u{301}"])
        // Backwards, then past the end.
        #expect(slicer.slice(0..<2).map(String.init) == "He")
        #expect(slicer.slice(0..<10_000) == nil)
        #expect(slicer.slice(-1..<2) == nil)
    }

    @Test func cacheReadsAQuoteAsARangeOfItsParagraphOnlyWhenItIsOne() throws {
        let range = Self.scalarRange(of: "cafe\u{301} 😀 talks", in: Self.paragraph)
        let article = Article(
            id: "a", path: "/a.md", title: "T", paragraphs: [Paragraph(text: Self.paragraph, line: 1)])
        let quotes = [
            Quote(
                id: "a#q1", article: "a", paragraph: 0, start: range.lowerBound, end: range.upperBound,
                text: "cafe\u{301} 😀 talks", events: ["e"]),
            // Same offsets, other text (a canonically equal spelling): kept whole, byte for byte.
            Quote(
                id: "a#q2", article: "a", paragraph: 0, start: range.lowerBound, end: range.upperBound,
                text: "caf\u{E9} 😀 talks", events: ["e"]),
            // No such paragraph.
            Quote(id: "a#q3", article: "a", paragraph: 5, start: 0, end: 2, text: "He"),
        ]
        var slices = QuoteSlices([article])
        #expect(slices.utf8Range(quotes[0]) != nil)
        #expect(slices.utf8Range(quotes[1]) == nil)
        #expect(slices.utf8Range(quotes[2]) == nil)

        let corpus = Corpus(articles: [article], quotes: quotes)
        let decoded = try Self.throughCache(corpus)
        #expect(decoded == corpus)
        #expect(decoded.quotes.map { Array($0.text.utf8) } == quotes.map { Array($0.text.utf8) })
        // The first is a slice of the paragraph (it starts inside it); the others own their text.
        #expect(decoded.quotes[0].textSlice.startIndex != decoded.quotes[0].textSlice.base.startIndex)
        #expect(decoded.quotes[1].textSlice.startIndex == decoded.quotes[1].textSlice.base.startIndex)
        // Equal event lists come back as one array.
        let shared = decoded.quotes[0].events.withUnsafeBufferPointer { a in
            decoded.quotes[1].events.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress }
        }
        #expect(shared)
    }

    @Test func aUTF8RangeThatSplitsAScalarIsRefused() {
        let text = "a😀b"
        #expect(UTF8Slicer.slice(text[...], utf8: 0..<1).map(String.init) == "a")
        #expect(UTF8Slicer.slice(text[...], utf8: 1..<5).map(String.init) == "😀")
        #expect(UTF8Slicer.slice(text[...], utf8: 2..<5) == nil)
        #expect(UTF8Slicer.slice(text[...], utf8: 1..<3) == nil)
        #expect(UTF8Slicer.slice(text[...], utf8: 0..<7) == nil)
        #expect(UTF8Slicer.slice(text[...], utf8: -1..<1) == nil)
    }

    @Test func compactedKeepsTheText() {
        let id = "2019-02/2019-02-28-00001#q\(12)"
        #expect(id.compacted == id)
        #expect("short".compacted == "short")
        #expect("é😀 long enough to be on the heap".compacted == "é😀 long enough to be on the heap")
    }
}
