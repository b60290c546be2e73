import Testing

@testable import BriefingModel

/// How a sentence scan stores its mentions small (`RawMention`): what a mention keeps as an index answers as the
/// value it stands for did.
@Suite struct SentenceScanStorageTests {
    private static let extractor = EventExtractor(lexicon: EventTestSupport.lexicon)

    /// The reading of the first sentence of `paragraph`, in an article dated `date`.
    private func reading(_ paragraph: String, date: String = "2019-03-01") throws -> SentenceReading {
        let extractor = Self.extractor
        let text = EventText(scalars: [Array(paragraph.unicodeScalars)], splitter: extractor.splitter)
        var found: SentenceReading?
        text.forEachSentence { k, p, range, sentence in
            guard k == 0 else { return }
            let scan = SentenceScan(
                extractor: extractor, persons: nil, tokens: text.tokens[p], range: range, scalars: text.scalars[p],
                sentence: sentence, paragraph: p, reference: EventTestSupport.day(date), dateline: nil,
                ordinalKind: nil)
            found = scan.gate().map { scan.read($0) }
        }
        return try #require(found)
    }

    @Test func aMentionKeepsTheIndexOfTheExpressionThatDatesIt() throws {
        let r = try reading("The talks opened on Monday, and the summit followed on June 12, 2018.")
        #expect(r.expressions.count == 2)
        let dates = r.raws.map { m in m.expression.map { r.expressions[$0].text } }
        #expect(dates == ["on Monday", "on June 12, 2018"])
    }

    @Test func equalExpressionsShareTheFirstIndex() throws {
        let tagged = Self.extractor.tagger.tag("on Monday and in June", reference: EventTestSupport.day("2019-03-01"))
        try #require(tagged.count == 2)
        let list = [tagged[0], tagged[1], tagged[0], tagged[1]]
        #expect(list.indices.map { SentenceScan.firstEqual($0, in: list) } == [0, 1, 0, 1])
        #expect(tagged.indices.map { SentenceScan.firstEqual($0, in: tagged) } == [0, 1])
    }
}
