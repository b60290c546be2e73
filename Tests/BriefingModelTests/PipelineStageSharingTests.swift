import Foundation
import Testing

@testable import BriefingModel

/// The pipeline reads an article's events beside its speakers (participants filled in afterwards, decoded text and
/// sentences shared): it must give what the two stages give one after the other with the speakers known.
@Suite struct PipelineStageSharingTests {
    static let load = CorpusLoader().load(
        paths: [ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path])

    /// The two stages one after the other, each decoding and splitting on its own, persons known up front.
    static func stagesInTurn(_ article: Article) -> ArticleExtraction {
        let lexicon = ExtractionSupport.resources.lexicon
        var x = ArticleExtractor(lexicon: lexicon).extract(article)
        x.eventCandidates = EventExtractor(lexicon: lexicon).extract(article, extraction: x)
        return x
    }

    @Test func sharedStagesEqualStagesInTurn() throws {
        try #require(Self.load.articles.count >= 24)
        var participants = 0
        for article in Self.load.articles {
            let shared = ExtractionSupport.pipeline.extract(article)
            #expect(shared == Self.stagesInTurn(article), "\(article.id)")
            participants += shared.eventCandidates.reduce(0) { $0 + $1.participants.count }
        }
        // The deferred participants were filled in, not dropped.
        #expect(participants > 0)
    }

    @Test func longArticleOnTwoThreadsEqualsStagesInTurn() throws {
        // Every sample paragraph, over and over, until the article is long enough for the two-thread path.
        let paragraphs = Self.load.articles.flatMap(\.paragraphs)
        try #require(!paragraphs.isEmpty)
        var body: [Paragraph] = []
        var size = 0
        while size < Pipeline.concurrentStagesBytes + 1 {
            for p in paragraphs {
                body.append(Paragraph(text: p.text, line: body.count + 1))
                size += p.text.utf8.count
            }
        }
        let article = Article(
            id: "long", path: "long.md", title: "Long", date: Day(year: 2019, month: 10, day: 5), paragraphs: body)
        let shared = ExtractionSupport.pipeline.extract(article)
        #expect(shared == Self.stagesInTurn(article))
        #expect(shared.eventCandidates.contains { !$0.participants.isEmpty })
        #expect(!shared.eventCandidates.flatMap(\.participants).contains { PendingEvents.sentence(of: $0) != nil })
    }

    @Test func tagsAheadAreTheScansOwnTags() throws {
        let article = try #require(Self.load.articles.max { $0.paragraphs.count < $1.paragraphs.count })
        let extractor = EventExtractor(lexicon: ExtractionSupport.resources.lexicon)
        let text = EventText(
            scalars: article.paragraphs.map { ArticleExtractor.scalars(of: $0.text) }, splitter: extractor.splitter)
        let ahead = TagAhead(text, share: 0.5)
        #expect(ahead.first > 0)
        #expect(ahead.tags(of: ahead.first) == nil)  // not filled yet: the scan tags it itself
        ahead.fill(text, tagger: extractor.tagger, reference: article.date)
        var tagged = 0
        text.forEachSentence { k, p, range, _ in
            let own = extractor.tagger.tag(
                text.tokens[p], in: range, source: text.scalars[p], reference: article.date)
            if k < ahead.first {
                #expect(ahead.tags(of: k) == nil)
            } else {
                #expect(ahead.tags(of: k) == own)
                tagged += own.count
            }
        }
        #expect(tagged > 0)
        // Read with half its sentences tagged ahead, the article gives the same events.
        let x = ArticleExtractor(lexicon: ExtractionSupport.resources.lexicon).extract(article)
        let withAhead = extractor.read(article, text: text, persons: nil, ahead: ahead)
            .finish(speakers: x.speakers, extractor: extractor)
        #expect(withAhead == extractor.extract(article, extraction: x))
    }

    @Test func markersRoundTripAndNamesAreNoMarkers() {
        #expect(PendingEvents.sentence(of: PendingEvents.marker(17, leaders: false)) == 17)
        #expect(PendingEvents.sentence(of: PendingEvents.marker(0, leaders: true)) == 0)
        #expect(PendingEvents.sentence(of: "Kim Jong Un") == nil)
        #expect(PendingEvents.sentence(of: "17") == nil)
    }
}
