import BriefingModel
import Testing

@testable import BriefingTUI

/// The events a set of quotes is about (a speaker's page lists them): each quote's own events, then those its
/// paragraph mentions, each event once in the order first met, as the page built them quote by quote.
@Suite struct QuoteEventRowsTests {
    /// A corpus of 4 articles of 5 paragraphs, 12 events mentioned in random paragraphs, and 60 quotes in random
    /// paragraphs naming random events (some twice, some unknown).
    static func corpus(_ rng: inout SplitMix64) -> Corpus {
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let articles = (0..<4).map { a in
            Article(
                id: "a\(a)", path: "a\(a).md", title: "A\(a)",
                paragraphs: (0..<5).map { Paragraph(text: "“Words \($0),” someone said.", line: $0 + 1) })
        }
        var events: [Event] = []
        for e in 0..<12 {
            var mentions: [EventMention] = []
            for _ in 0..<pick(4) {
                mentions.append(EventMention(article: "a\(pick(4))", paragraph: pick(5), text: "the talks"))
            }
            events.append(Event(id: "e\(e)", kind: "talks", title: "Talks \(e)", mentions: mentions))
        }
        var quotes: [Quote] = []
        for k in 0..<60 {
            var ids: [String] = []
            for _ in 0..<pick(3) { ids.append(pick(8) == 0 ? "unknown\(pick(3))" : "e\(pick(12))") }
            quotes.append(
                Quote(
                    id: "a0#q\(k + 1)", article: "a\(pick(4))", paragraph: pick(5), start: 1, end: 8, text: "Words,",
                    speaker: "s", cue: "said", events: ids))
        }
        return Corpus(articles: articles, quotes: quotes, events: events)
    }

    @Test func eventsAboutQuotesAreThoseMetQuoteByQuote() {
        var rng = SplitMix64(seed: 2_019_022_8)
        var nonEmpty = 0
        for _ in 0..<20 {
            let index = CorpusIndex(Self.corpus(&rng))
            let all = (0..<Int32(index.quotes.count)).filter { _ in rng.next() % 3 != 0 }
            // The page's former way: per quote, its events and its paragraph's, by id.
            var seen: Set<String> = []
            var expected: [String] = []
            for row in all {
                let q = index.quotes[Int(row)]
                for id in q.events + index.events(article: q.article, paragraph: q.paragraph) where !seen.contains(id) {
                    seen.insert(id)
                    if index.event(id) != nil { expected.append(id) }
                }
            }
            let rows = index.eventRows(aboutQuotes: all)
            #expect(rows.map { index.events[Int($0)].id } == expected)
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 15)
    }
}
