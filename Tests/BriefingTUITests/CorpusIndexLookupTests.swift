import BriefingModel
import Testing

@testable import BriefingTUI

/// The reader finds a quote's row by its id (kept as `QuoteIDKey`s, not as written-out id strings).
@Suite struct CorpusIndexLookupTests {
    @Test func aQuoteIsFoundByItsIdWhateverFormTheIdHas() throws {
        let article = Article(
            id: "a1", path: "a1.md", title: "A",
            paragraphs: [Paragraph(text: "“One,” she said. “Two,” he said. “Three,” they said.", line: 1)])
        func quote(_ id: String, _ start: Int, _ text: String) -> Quote {
            Quote(
                id: id, article: "a1", paragraph: 0, start: start, end: start + text.unicodeScalars.count,
                text: text)
        }
        // "a1#q2" is stored as its number; "custom" and "a1#q03" (a leading zero) are kept as written.
        let quotes = [quote("a1#q2", 1, "One,"), quote("custom", 18, "Two,"), quote("a1#q03", 34, "Three,")]
        let index = CorpusIndex(Corpus(articles: [article], quotes: quotes))
        for q in quotes {
            let row = try #require(index.quoteRow(q.id), "\(q.id)")
            #expect(index.quoteRow(key: q.idKey) == row)
            #expect(index.quote(q.id)?.text == q.text)
        }
        #expect(index.quoteRow("a1#q3") == nil)
        #expect(index.quoteRow("a1#q02") == nil)
        #expect(index.quote("nothing") == nil)
    }
}
