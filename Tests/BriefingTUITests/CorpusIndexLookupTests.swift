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

/// The table of rows by key behind that lookup: no key stored, the key read back from the row.
@Suite struct KeyedRowsTests {
    /// A key whose hash is the same for all (every probe collides) or its own, to test both paths.
    struct Key: Hashable, Sendable {
        var name: String
        var colliding: Bool
        func hash(into h: inout Hasher) { if !colliding { h.combine(name) } }
    }

    @Test(arguments: [false, true]) func everyRowIsFoundAndTheFirstOfEqualKeysWins(colliding: Bool) {
        let names = (0..<100).map { "k\($0 % 90)" }  // rows 90–99 repeat the keys of rows 0–9
        let key = { (row: Int) in Key(name: names[row], colliding: colliding) }
        let table = KeyedRows(count: names.count, key: key)
        for row in 0..<90 { #expect(table.row(key(row), key: key) == row) }
        for row in 90..<100 { #expect(table.row(key(row), key: key) == row - 90) }
        #expect(table.row(Key(name: "k90", colliding: colliding), key: key) == nil)
        let empty = KeyedRows(count: 0, key: key)
        #expect(empty.row(key(0), key: key) == nil)
    }
}

/// An event's quotes: those naming it, and those in a paragraph that mentions it unless the paragraph holds more
/// quotes than a passage (`CorpusIndex.passageQuotes`).
@Suite struct EventQuotesTests {
    @Test func aCrowdedParagraphsQuotesAreAboutAnEventOnlyWhenTheyNameIt() {
        let crowd = CorpusIndex.passageQuotes + 1
        let article = Article(
            id: "a", path: "a.md", title: "A",
            paragraphs: [
                Paragraph(text: String(repeating: "“Yes,” she said. ", count: crowd), line: 1),
                Paragraph(text: "“No,” he said. “Maybe,” she said.", line: 2),
            ])
        var quotes = (0..<crowd).map { k in
            Quote(
                id: "a#q\(k + 1)", article: "a", paragraph: 0, start: 17 * k + 1, end: 17 * k + 5, text: "Yes,",
                events: k == 3 ? ["talks"] : [])
        }
        quotes.append(Quote(id: "a#q\(crowd + 1)", article: "a", paragraph: 1, start: 1, end: 4, text: "No,"))
        quotes.append(Quote(id: "a#q\(crowd + 2)", article: "a", paragraph: 1, start: 16, end: 22, text: "Maybe,"))
        let talks = Event(
            id: "talks", kind: "talks", title: "Talks",
            mentions: [
                EventMention(article: "a", paragraph: 0, text: "talks"),
                EventMention(article: "a", paragraph: 1, text: "talks"),
            ])
        let index = CorpusIndex(Corpus(articles: [article], quotes: quotes, events: [talks]))
        let ids = index.quoteRows(event: "talks").map { index.quotes[Int($0)].id }
        #expect(ids.sorted() == ["a#q\(crowd + 1)", "a#q\(crowd + 2)", "a#q4"].sorted())
    }
}
