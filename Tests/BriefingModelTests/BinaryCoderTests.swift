import Foundation
import Testing

@testable import BriefingModel

@Suite struct BinaryCoderTests {
    static let corpus = Corpus(
        articles: [
            Article(
                id: "a/b", path: "/x/a/b.md", title: "Tïtle “quoted”", date: Day(year: 2019, month: 2, day: 28),
                source: "", url: nil, author: "Someone", tags: ["", "t2"],
                paragraphs: [Paragraph(text: "", line: 3), Paragraph(text: "Body 😀 text.", line: 5)])
        ],
        speakers: [Speaker(id: "s1", name: "A B", kind: .person, role: nil, aliases: [])],
        quotes: [
            Quote(
                id: "q1", article: "a/b", paragraph: 1, start: -1, end: Int.max, text: "", speaker: nil, cue: "",
                pillars: [], events: ["e1"])
        ],
        events: [
            Event(
                id: "e1", kind: "talks", title: "T", place: nil,
                date: EventDate(
                    value: "2019-02", precision: .month, earliest: nil, latest: Day(year: 2019, month: 2, day: 28)),
                planned: true, related: [EventRelation(event: "e0", relation: .followUp, cue: nil)])
        ],
        warnings: [LoadWarning(path: "p", line: 0, message: "m")])

    @Test func roundTripsTheModelIncludingEmptyStringsAndNils() throws {
        let bytes = try BinaryCoder.encode(Self.corpus)
        #expect(try BinaryCoder.decode(Corpus.self, from: bytes) == Self.corpus)
    }

    @Test func keepsEmptyCollectionsApartFromNil() throws {
        let values: [[String]?] = [nil, [], [""], ["a", "b"]]
        let bytes = try BinaryCoder.encode(values)
        #expect(try BinaryCoder.decode([[String]?].self, from: bytes) == values)
    }

    @Test func rejectsTruncatedAndForeignBytesWithoutCrashing() throws {
        let bytes = try BinaryCoder.encode(Self.corpus)
        for cut in [1, 7, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(throws: (any Error).self) { try BinaryCoder.decode(Corpus.self, from: Array(bytes.prefix(cut))) }
        }
        let json = Array(try JSONEncoder().encode(Self.corpus))
        #expect(throws: (any Error).self) { try BinaryCoder.decode(Corpus.self, from: json) }
    }
}
