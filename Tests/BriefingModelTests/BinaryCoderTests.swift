import Foundation
import Testing

@testable import BriefingModel

@Suite struct BinaryCoderTests {
    static let corpus = Corpus(
        articles: [
            Article(
                id: "a/b", path: "/x/a/b.md", title: "Tïtle “quoted”", date: Day(year: 2019, month: 2, day: 28),
                source: "", url: nil, author: "Someone", tags: ["", "t2"],
                paragraphs: [Paragraph(text: "", line: 3), Paragraph(text: "Body 😀 text.", line: 5)]),
            Article(
                id: "c", path: "/x/c.txt", title: "Undated", date: Day(year: 1, month: 1, day: 1), source: "src",
                url: "https://example.invalid/c", paragraphs: [Paragraph(text: "Another body.", line: 1)]),
        ],
        speakers: [
            Speaker(id: "s1", name: "A B", kind: .person, role: nil, aliases: []),
            Speaker(
                id: "s2", name: "Group", kind: .organization, role: "spokeswoman", aliases: ["G", "a/b"],
                mentions: [Mention(article: "a/b", paragraph: 1), Mention(article: "c", paragraph: 0)]),
        ],
        quotes: [
            Quote(
                id: "q1", article: "a/b", paragraph: 1, start: -1, end: Int.max, text: "", speaker: nil, cue: "",
                pillars: [], events: ["e1"]),
            Quote(
                id: "q2", article: "c", paragraph: 0, start: Int.min, end: 3, text: "Another", speaker: "s2",
                cue: "said", pillars: ["p1", "p1"], events: ["e1", "e0"]),
            // Ids "article#qN" are written as N alone; one whose N does not fit 32 bits, or that belongs to
            // another article, in full.
            Quote(id: "a/b#q3", article: "a/b", paragraph: 1, start: 0, end: 4, text: "Body"),
            Quote(id: "c#q99999999999", article: "c", paragraph: 0, start: 0, end: 7, text: "Another"),
            Quote(id: "c#q4", article: "a/b", paragraph: 1, start: 5, end: 6, text: "😀"),
        ],
        terms: [Term(article: "c", paragraph: 0, start: 0, end: 7, text: "Another")],
        agendas: [
            Agenda(
                id: "ag", label: "four pillars", article: "c", paragraph: 0,
                items: [
                    AgendaItem(
                        id: "p1", text: "peace", name: "peace", keywords: ["peace", "regime"],
                        passages: [Mention(article: "c", paragraph: 0)]),
                    AgendaItem(id: "p2", text: "remains"),
                ], occurrences: [Mention(article: "a/b", paragraph: 1)]),
            Agenda(id: "declared", label: "declared", items: []),
        ],
        events: [
            Event(
                id: "e1", kind: "talks", title: "T", place: nil,
                date: EventDate(
                    value: "2019-02", precision: .month, earliest: nil, latest: Day(year: 9999, month: 12, day: 31)),
                planned: true, related: [EventRelation(event: "e0", relation: .followUp, cue: nil)]),
            Event(
                id: "e0", kind: "summit", title: "S", place: "Hanoi", date: nil, planned: false,
                participants: ["s1", "s2"], mentions: [EventMention(article: "c", paragraph: 0, text: "the summit")],
                related: [EventRelation(event: "e1", relation: .before, cue: "ahead of")], outcomes: ["broke down"],
                dateText: "on Saturday"),
        ],
        warnings: [LoadWarning(path: "p", line: 0, message: "m"), LoadWarning(path: "p", line: 4, message: "n")])

    static var aliased: Corpus {
        var c = corpus
        c.agendas[0].aliases = ["other name"]
        return c
    }

    @Test func roundTripsTheModelIncludingEmptyStringsNilsAndExtremes() throws {
        let bytes = BinaryCoder.encode(Self.aliased, skipped: ["x/.hidden", ""])
        let decoded = try BinaryCoder.decode(bytes)
        #expect(decoded.corpus == Self.aliased)
        #expect(decoded.skipped == ["x/.hidden", ""])
    }

    @Test func anEmptyCorpusRoundTrips() throws {
        #expect(try BinaryCoder.decode(BinaryCoder.encode(Corpus())).corpus == Corpus())
    }

    @Test func writesARecurringStringOnce() {
        var one = Self.corpus
        var many = Self.corpus
        one.quotes = [Self.corpus.quotes[1]]
        many.quotes = Array(repeating: Self.corpus.quotes[1], count: 11)
        let extra = BinaryCoder.encode(many).count - BinaryCoder.encode(one).count
        // Each further quote repeats only its own id, text and numbers; article, speaker, cue, pillars and
        // events are references of a byte or two.
        #expect(extra < 10 * 40)
    }

    @Test func rejectsTruncatedAndForeignBytesWithoutCrashing() throws {
        let bytes = BinaryCoder.encode(Self.corpus)
        for cut in [0, 1, 7, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(throws: BinaryCoder.Malformed.self) { try BinaryCoder.decode(Array(bytes.prefix(cut))) }
        }
        #expect(throws: BinaryCoder.Malformed.self) { try BinaryCoder.decode(bytes + [0]) }
        let json = Array(try JSONEncoder().encode(Self.corpus))
        #expect(throws: BinaryCoder.Malformed.self) { try BinaryCoder.decode(json) }
    }

    /// Every byte of an encoded model set to values that mean something else (a length's or count's end, a
    /// varint's continuation, a huge number, a negative one): each decodes or throws, none traps. (A quote range
    /// read backwards trapped until session 12; every one of the 256 values at every byte was tried once then.)
    @Test func everyByteChangedDecodesOrThrowsWithoutCrashing() {
        let bytes = BinaryCoder.encode(Self.aliased, skipped: ["x"])
        var decoded = 0
        for at in bytes.indices {
            for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF] where bytes[at] != value {
                var changed = bytes
                changed[at] = value
                if (try? BinaryCoder.decode(changed)) != nil { decoded += 1 }
            }
        }
        // Some changes still decode (a number or a character changed); most do not.
        #expect(decoded > 0)
        #expect(decoded < bytes.count * 5)
    }

    /// The same damage in a file read by two threads (the main one reads the articles and the first quotes, the other
    /// the rest and then the second quotes): whichever thread meets it, the read ends as the one-thread decode does,
    /// with the same model or an error, once both threads have stopped.
    @Test func everyByteChangedInAFileReadsOnTwoThreadsAsOnOne() throws {
        let bytes = BinaryCoder.encode(Self.aliased, skipped: ["x"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var decoded = 0
        for at in bytes.indices {
            var changed = bytes
            changed[at] ^= 0xFF
            try Data(changed).write(to: URL(fileURLWithPath: path))
            let fd = open(path, O_RDONLY)
            try #require(fd >= 0)
            defer { close(fd) }
            let parallel = try? CorpusCodec.read(descriptor: fd)
            let sequential = try? BinaryCoder.decode(changed)
            #expect(parallel?.corpus == sequential?.corpus && parallel?.skipped == sequential?.skipped, "byte \(at)")
            if parallel != nil { decoded += 1 }
        }
        #expect(decoded < bytes.count)
    }

    /// Varints are read straight from the buffer when ten bytes are there, byte by byte near the end: both ways
    /// must give the same numbers and refuse an eleventh byte.
    @Test func varintsReadTheSameFromTheBufferAndByteByByte() throws {
        let numbers: [UInt64] = [0, 1, 127, 128, 300, 1 << 35, UInt64.max - 1, UInt64.max]
        var bytes: [UInt8] = []
        var w = BinaryWriter { bytes.append(contentsOf: $0) }
        for n in numbers { w.unsigned(n) }
        w.flush()
        var r = BinaryReader(bytes: bytes)
        for n in numbers { #expect(try r.unsigned() == n) }
        try r.expectEnd()
        let overlong = [UInt8](repeating: 0xFF, count: 10) + [0x01]
        for padding in [0, 20] {
            var r = BinaryReader(bytes: overlong + [UInt8](repeating: 0, count: padding))
            #expect(throws: BinaryCoder.Malformed.self) { _ = try r.unsigned() }
        }
    }

    @Test func readsAFileInChunksWithValuesLargerThanAChunk() throws {
        var big = Self.corpus
        let long = String(repeating: "A long paragraph of news text, “quoted” — and more. ", count: 120_000)
        #expect(long.utf8.count > BinaryReader.chunk)
        big.articles[1].paragraphs.append(Paragraph(text: long, line: 9))
        big.quotes += (0..<50_000).map {
            Quote(id: "q\($0)", article: "c", paragraph: 2, start: $0, end: $0 + 1, text: "x")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("binary-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CorpusCache.writeBinary(to: path) { w in CorpusCodec.write(big, skipped: ["s"], to: &w) }
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        let decoded = try CorpusCodec.read(descriptor: fd)
        #expect(decoded.corpus == big)
        #expect(decoded.skipped == ["s"])
    }
}
