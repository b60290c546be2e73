import Foundation
import Testing

@testable import BriefingModel

/// What the per-article stages keep until the corpus-wide stages, stored compactly: quote ids as their number,
/// the extractor's speakers and quotes as `LocalSpeaker` and `LocalQuote`, short local speaker ids in the pipeline.
/// The public properties read and write the same values as plain fields would.
@Suite struct ResidentStorageTests {
    @Test func quoteIDsOfTheirArticleReadBackAsGiven() {
        for id in ["a#q1", "a#q0", "a#q10", "a#q2147483647", "a#q2147483648", "a#q01", "a#q", "a#s1", "b#q1", "a#q1x"] {
            let q = Quote(id: id, article: "a", paragraph: 0, start: 0, end: 1, text: "x")
            #expect(q.id == id && q.article == "a")
        }
        let long = "2019-10/2019-10-05-a-long-article-id"
        let q = Quote(number: 12, article: long, paragraph: 1, start: 2, end: 3, slice: "x", speaker: nil, cue: nil)
        #expect(q.id == long + "#q12")
        // The same public values compare and hash equal however they were stored.
        let given = Quote(id: long + "#q12", article: long, paragraph: 1, start: 2, end: 3, text: "x")
        #expect(q == given && q.hashValue == given.hashValue)
        #expect(QuoteID.number("a#q7", article: "a") == 7)
        #expect(QuoteID.number("a#q07", article: "a") == nil)
        #expect(QuoteID.number("ab#q7", article: "a") == nil)
    }

    @Test func idKeysAreEqualExactlyWhenTheIDsAre() {
        let ids = [
            "a#q1", "a#q01", "a#q", "a#q1x", "b#q1", "a#q2147483647", "a#q2147483648", "x#q1#q2", "x#q1", "#q5", "q5",
            "", "a#s1", "a#q1#q", "é#q3",
        ]
        // Each id under several articles: its own prefix (stored as a number when it can be) and others.
        let quotes = ids.flatMap { id in
            ["a", "b", "x#q1", "x", "", "é"].map {
                Quote(id: id, article: $0, paragraph: 0, start: 0, end: 1, text: "")
            }
        }
        for p in quotes {
            for q in quotes {
                #expect((p.idKey == q.idKey) == (p.id == q.id), "\(p.id) in \(p.article) / \(q.id) in \(q.article)")
                if p.id == q.id { #expect(p.idKey.hashValue == q.idKey.hashValue) }
            }
        }
    }

    @Test func changingTheArticleKeepsTheID() {
        var q = Quote(number: 3, article: "a", paragraph: 0, start: 0, end: 1, slice: "x", speaker: nil, cue: nil)
        q.article = "b"
        #expect(q.id == "a#q3" && q.article == "b")
        q.article = "a"
        #expect(q.id == "a#q3")
        #expect(q == Quote(id: "a#q3", article: "a", paragraph: 0, start: 0, end: 1, text: "x"))
        q.id = "other"
        #expect(q.id == "other" && q.article == "a")
        var codedBack = q
        codedBack.id = "a#q3"
        #expect(codedBack.id == "a#q3")
    }

    static let paragraphs = [
        "“We will keep talking,” said Ann Vale, the envoy. Tom Reed agreed.",
        "“It was a good day,” Vale told reporters. Reed said “nothing changed.”",
    ]

    @Test func theExtractorsCompactResultsReadAsPlainValues() {
        let article = ExtractionSupport.article("x/some-article", Self.paragraphs)
        let x = ExtractionSupport.pipeline.extract(article)
        #expect(!x.speakers.isEmpty && !x.quotes.isEmpty)
        for (k, s) in x.speakers.enumerated() {
            #expect(s.id == "x/some-article#s\(k + 1)")
            #expect(s.mentions.allSatisfy { $0.article == "x/some-article" })
        }
        for (k, q) in x.quotes.enumerated() {
            #expect(q.id == "x/some-article#q\(k + 1)" && q.article == "x/some-article")
            #expect(q.speaker == nil || x.speakers.contains { $0.id == q.speaker })
        }
        // The same extraction built from plain values is equal to it.
        let plain = ArticleExtraction(
            article: x.article, speakers: x.speakers, quotes: x.quotes, terms: x.terms, agendas: x.agendas,
            eventCandidates: x.eventCandidates)
        #expect(plain == x && plain.hashValue == x.hashValue)
        // Setting the speakers keeps the quotes' speaker ids as they were.
        var renamed = x
        let before = renamed.quotes.map(\.speaker)
        renamed.speakers = renamed.speakers.map { s in
            var s = s
            s.id = "renamed"
            return s
        }
        #expect(renamed.quotes.map(\.speaker) == before)
        // Laid into the tables, quotes name their speakers by position; as compact or plain values alike.
        for source in [x, plain] {
            let speakerIDs = source.speakers.map(\.id)
            var speakers = SpeakerTable()
            var quotes = QuoteTable()
            var drained = source
            drained.move(
                speakers: &speakers, quotes: &quotes, ids: source.quotesNameSpeakersByID ? Self.ids(source) : nil)
            #expect(speakers.count == source.speakers.count && quotes.count == source.quotes.count)
            let rebuilt = (0..<quotes.count).map { i in
                let s = Int(quotes[i].speaker)
                return quotes.quote(
                    i, speaker: speakerIDs.indices.contains(s) ? speakerIDs[s] : nil, pillars: [], events: [])
            }
            #expect(rebuilt == source.quotes)
            #expect(drained.quotes.isEmpty && drained.speakers.isEmpty)
        }
        #expect(!x.quotesNameSpeakersByID && plain.quotesNameSpeakersByID)
        // Without the ids, a quote that names its speaker by id gets none (never a guess).
        var speakers = SpeakerTable()
        var quotes = QuoteTable()
        var drained = plain
        drained.move(speakers: &speakers, quotes: &quotes, ids: nil)
        #expect(quotes.rows.allSatisfy { $0.speaker == -1 })
    }

    /// Each speaker's position by id, as `CorpusLines` makes them for one extraction.
    static func ids(_ x: ArticleExtraction) -> [String: Int32] {
        var out: [String: Int32] = [:]
        for (k, id) in x.speakerIDs.enumerated() { out[id] = Int32(k) }
        return out
    }

    @Test func plainExtractionsAssembleAsTheCompactOnes() {
        // Plain extractions (quotes naming their speakers by id) go through the id lookup of laying out the tables;
        // the compact ones name them by position. Alone or mixed, the corpus is the same.
        let articles = (0..<3).map { ExtractionSupport.article("2019-10/2019-10-05-plain-\($0)", Self.paragraphs) }
        let pipeline = ExtractionSupport.pipeline
        let compact = articles.map(pipeline.extract)
        let plain = compact.map {
            ArticleExtraction(
                article: $0.article, speakers: $0.speakers, quotes: $0.quotes, terms: $0.terms, agendas: $0.agendas,
                eventCandidates: $0.eventCandidates)
        }
        #expect(plain.allSatisfy { $0.quotesNameSpeakersByID })
        let load = LoadResult(articles: articles)
        let expected = pipeline.assemble(load, extractions: compact)
        #expect(expected.quotes.contains { $0.speaker != nil } && expected.speakers.count >= 2)
        #expect(pipeline.assemble(load, extractions: plain) == expected)
        #expect(pipeline.assemble(load, extractions: [plain[0], compact[1], plain[2]]) == expected)
    }

    @Test func thePipelinesLocalSpeakerIDsAreInlineAndUniqueInTheRun() {
        let articles = (0..<3).map { ExtractionSupport.article("2019-10/2019-10-05-article-\($0)", Self.paragraphs) }
        let xs = ExtractionSupport.pipeline.extract(articles, workers: 2)
        let ids = xs.flatMap { $0.speakers.map(\.id) }
        #expect(!ids.isEmpty && Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.utf8.count <= 15 })
        // Speaker merging maps them to the same corpus as extracting each article on its own would.
        let corpus = ExtractionSupport.pipeline.run(LoadResult(articles: articles))
        let alone = SpeakerMerger.merge(articles.map(ExtractionSupport.pipeline.extract))
        #expect(corpus.speakers.map(\.id) == alone.speakers.map(\.id))
        #expect(corpus.quotes.map(\.speaker) == alone.quotes.map(\.speaker))
    }

    @Test func compactStorageIsSmallerThanThePlainValues() {
        #expect(MemoryLayout<LocalQuote>.stride <= 64)
        #expect(MemoryLayout<LocalSpeaker>.stride < MemoryLayout<Speaker>.stride)
        // A quote's other id is boxed (8 bytes), a table row's text and cue are numbers.
        #expect(MemoryLayout<Quote>.stride <= 120)
        #expect(MemoryLayout<QuoteTable.Row>.stride <= 40)
    }

    @Test func compactedArraysKeepTheirElements() {
        var a: [String] = []
        for i in 0..<37 { a.append("element \(i) of a list long enough to be on the heap") }
        let c = a.compacted
        #expect(c == a && c.capacity == c.count)
    }
}
