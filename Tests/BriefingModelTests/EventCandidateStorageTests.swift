import Testing

@testable import BriefingModel

/// Event candidates are stored compactly (32-bit days and numbers, rare fields apart, shared lists and texts);
/// what they hold reads back as it was written, and the linker's helpers over them give what plain code gives.
@Suite struct EventCandidateStorageTests {
    static let day = Day(year: 2019, month: 2, day: 27)

    @Test func everyFieldReadsBackAsWritten() throws {
        let day = try #require(Self.day)
        let date = EventDate(value: "2019-02", precision: .month, earliest: day, latest: day.adding(days: 1))
        let mention = CandidateMention(paragraph: 3, sentence: 10..<80, start: 12, end: 30, text: "the Hanoi summit")
        var c = EventCandidate(
            article: "a1", articleDate: day, kind: "summit", family: "meeting", place: "Hanoi", date: date,
            dateText: "in February", dateUnresolved: true, planned: true, ordinal: 2, participants: ["X", "Y"],
            leaders: ["Y"], mentions: [mention], outcomes: ["a statement"],
            relations: [LocalRelation(target: 0, relation: .after, cue: "after")])
        c.count = 3
        #expect(c.article == "a1")
        #expect(c.articleDate == day)
        #expect((c.kind, c.family, c.place) == ("summit", "meeting", "Hanoi"))
        #expect(c.date == date)
        #expect(c.dateText == "in February")
        #expect(c.dateUnresolved && c.planned)
        #expect(c.ordinal == 2)
        #expect(c.count == 3)
        #expect(c.participants == ["X", "Y"] && c.leaders == ["Y"])
        #expect(c.mentions == [mention])
        #expect(c.mentions[0].paragraph == 3 && c.mentions[0].sentence == 10..<80)
        #expect(c.mentions[0].start == 12 && c.mentions[0].end == 30)
        #expect(c.outcomes == ["a statement"])
        #expect(c.relations == [LocalRelation(target: 0, relation: .after, cue: "after")])
        #expect(c.hasDate)
    }

    /// Numbers and days too large for 32 bits are kept whole; clearing a field leaves the candidate equal to one
    /// that never had it.
    @Test func largeValuesAreKeptAndClearedFieldsCompareEqual() {
        let far = Day(ordinal: Int(Int32.max) + 10)
        let wideDate = EventDate(value: "far", precision: .day, earliest: far, latest: far)
        var c = EventCandidate(article: "a", articleDate: far, kind: "talks", family: "talks", date: wideDate)
        c.ordinal = Int.max
        c.count = Int(Int32.min)
        #expect(c.articleDate == far)
        #expect(c.date == wideDate)
        #expect(c.hasDate)
        #expect(c.ordinal == Int.max)
        #expect(c.count == Int(Int32.min))
        c.articleDate = nil
        c.date = nil
        c.ordinal = nil
        c.count = nil
        c.outcomes = ["x"]
        c.outcomes = []
        #expect(!c.hasDate)
        #expect(c == EventCandidate(article: "a", kind: "talks", family: "talks"))
        c.ordinal = 4
        c.ordinal = Int.max
        #expect(c.ordinal == Int.max)
        c.ordinal = 4
        #expect(c.ordinal == 4)
        #expect(c == EventCandidate(article: "a", kind: "talks", family: "talks", ordinal: 4))
    }

    @Test func smallMapAgreesWithADictionaryPastItsIndexSize() {
        var small = SmallMap<String, Int>()
        var plain: [String: Int] = [:]
        let keys = (0..<40).map { "k\($0 % 13)" }
        for (n, k) in keys.enumerated() {
            let got = small.update(k, initial: 0) { $0 += n }
            plain[k, default: 0] += n
            #expect(got == plain[k])
        }
        #expect(small.entries.count == plain.count)
        for (k, v) in plain { #expect(small[k] == v) }
        #expect(small["absent"] == nil)
        // Entries keep the order their keys came in.
        #expect(small.entries.map(\.key) == (0..<13).map { "k\($0)" })
    }

    @Test func drainGivesEveryCandidateInOrderOnce() {
        let chunks = [
            [CorpusChunksTests.candidate("a", "summit"), CorpusChunksTests.candidate("a", "talks")], [],
            [CorpusChunksTests.candidate("b", "launch")],
        ]
        var read = CandidateChunks(chunks)
        var seen: [(Int, String)] = []
        read.drain { i, c in seen.append((i, c.kind)) }
        #expect(seen.map(\.0) == [0, 1, 2])
        #expect(seen.map(\.1) == ["summit", "talks", "launch"])
        #expect(read.count == 3)
    }

    /// Sharing equal lists and texts changes no value, nor any byte: a name or text equal to one seen before
    /// under canonical equivalence but spelled with other code points keeps its own.
    @Test func sharingKeepsEveryValue() {
        let mention = CandidateMention(
            paragraph: 0, sentence: 0..<40, start: 0, end: 30, text: "the second summit in Hanoi")
        let precomposed = "Jos\u{E9} Mart\u{ED}nez \u{C1}lvarez"
        let decomposed = "Jose\u{301} Marti\u{301}nez A\u{301}lvarez"
        #expect(precomposed == decomposed)
        var candidates = (0..<5).map { k in
            EventCandidate(
                article: "a\(k)", kind: "summit", family: "meeting",
                dateText: k == 4 ? "in " + decomposed : k == 3 ? "in " + precomposed : "in late February of 2019",
                participants: k == 4 ? [decomposed] : k == 3 ? [precomposed] : ["North Korea", "United States"],
                mentions: [mention])
        }
        let before = candidates
        var shared = SharedValues()
        for k in candidates.indices { shared.compact(&candidates[k]) }
        #expect(candidates == before)
        #expect(Array(candidates[4].participants[0].utf8) == Array(decomposed.utf8))
        #expect(Array((candidates[4].dateText ?? "").utf8) == Array(("in " + decomposed).utf8))
        #expect(Array(candidates[3].participants[0].utf8) == Array(precomposed.utf8))
        // Equal lists are one copy; lists of the same bytes cut otherwise are not equal.
        let storage = candidates.map { $0.participants.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(storage[0] == storage[1] && storage[1] == storage[2])
        #expect(storage[3] != storage[4])
        #expect(BytesListKey(["ab", "c"]) != BytesListKey(["a", "bc"]))
        #expect(BytesListKey(["ab", "c"]) == BytesListKey(["ab", "c"]))
        let table = SharedCandidateValues()
        var again = before
        table.compact(&again)
        #expect(again == before)
    }
}
