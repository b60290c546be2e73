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

    /// An article of one paragraph per line of `body`, an event extractor and the article's text as it reads it.
    static func eventReading(id: String, _ body: [String], date: Day?) -> (Article, EventExtractor, EventText) {
        let article = Article(
            id: id, path: id + ".md", title: id, date: date,
            paragraphs: body.enumerated().map { Paragraph(text: $0.element, line: $0.offset + 1) })
        let extractor = EventExtractor(lexicon: ExtractionSupport.resources.lexicon)
        let text = EventText(
            scalars: article.paragraphs.map { ArticleExtractor.scalars(of: $0.textSlice) }, splitter: extractor.splitter
        )
        return (article, extractor, text)
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
        #expect(!shared.eventCandidates.flatMap(\.participants).contains { PendingEvents.isMarker($0) })
    }

    @Test(arguments: [0.5, 1.0]) func readingsAheadAreTheScansOwn(share: Double) throws {
        let article = try #require(Self.load.articles.max { $0.paragraphs.count < $1.paragraphs.count })
        let extractor = EventExtractor(lexicon: ExtractionSupport.resources.lexicon)
        let text = EventText(
            scalars: article.paragraphs.map { ArticleExtractor.scalars(of: $0.textSlice) }, splitter: extractor.splitter
        )
        let ahead = ReadAhead(text, share: share)
        #expect(share < 1 ? ahead.first > 0 : ahead.first == 0)
        #expect(ahead.takeReading(of: ahead.first) == nil)  // not filled yet: the scan reads it itself
        ahead.fill(text, extractor: extractor, reference: article.date)
        let dateline = text.tokens.first.flatMap { extractor.datelinePlace($0) }
        var read = 0
        text.forEachSentence { k, p, range, sentence in
            let scan = SentenceScan(
                extractor: extractor, persons: nil, tokens: text.tokens[p], range: range, scalars: text.scalars[p],
                sentence: sentence, paragraph: p, reference: article.date, dateline: dateline, ordinalKind: nil)
            let own = scan.gate().map { scan.read($0) }
            if k < ahead.first {
                #expect(ahead.takeReading(of: k) == nil)
            } else {
                #expect(ahead.takeReading(of: k) == own)
                #expect(ahead.takeReading(of: k) == nil)  // taken
                if let own, !own.raws.isEmpty { read += 1 }
            }
        }
        #expect(read > 0)
        // Read with its sentences read ahead, the article gives the same events.
        let x = ArticleExtractor(lexicon: ExtractionSupport.resources.lexicon).extract(article)
        let again = ReadAhead(text, share: share)
        again.fill(text, extractor: extractor, reference: article.date)
        let withAhead = extractor.read(article, text: text, persons: nil, ahead: again)
            .finish(speakers: x.speakers, extractor: extractor)
        #expect(withAhead == extractor.extract(article, extraction: x))
    }

    /// "Their second, in Hanoi": the one reading that depends on the events before it (the kind last counted),
    /// read ahead without them, is read again by the scan.
    @Test func anOrdinalStandingForTheKindLastCountedIsReadAgain() throws {
        let body = [
            "The two leaders held their first summit in Singapore on June 12, 2018.",
            "Their second, in Hanoi in February, ended early without an agreement.",
        ]
        let (article, extractor, text) = Self.eventReading(id: "ordinal", body, date: Day(year: 2019, month: 3, day: 1))
        let probe = ReadAhead(text, share: 1)
        probe.fill(text, extractor: extractor, reference: article.date)
        #expect(probe.takeReading(of: 1)?.readOrdinalKind == true)
        let ahead = ReadAhead(text, share: 1)
        ahead.fill(text, extractor: extractor, reference: article.date)
        let x = ArticleExtractor(lexicon: ExtractionSupport.resources.lexicon).extract(article)
        let withAhead = extractor.read(article, text: text, persons: nil, ahead: ahead)
            .finish(speakers: x.speakers, extractor: extractor)
        let alone = extractor.extract(article, extraction: x)
        #expect(withAhead == alone)
        #expect(
            alone.contains {
                $0.mentions.contains { $0.text.lowercased().hasPrefix("their second") || $0.text == "second" }
            })
    }

    @Test func markersAreTheirsAndNamesAreNoMarkers() {
        #expect(PendingEvents.isMarker(PendingEvents.marker(leaders: false)))
        #expect(PendingEvents.isMarker(PendingEvents.marker(leaders: true)))
        #expect(PendingEvents.marker(leaders: false) != PendingEvents.marker(leaders: true))
        #expect(PendingEvents.deferredParticipants == [PendingEvents.marker(leaders: false)])
        #expect(PendingEvents.deferredLeaders == [PendingEvents.marker(leaders: true)])
        #expect(!PendingEvents.isMarker("Kim Jong Un"))
        #expect(!PendingEvents.isMarker("17"))
        #expect(!PendingEvents.isMarker(""))
    }

    /// One marker serves every sentence: an event named again in later sentences read with their participants
    /// deferred gets each sentence's participants, in order, as when the persons are known, and no marker stays.
    @Test func anEventNamedInSeveralDeferredSentencesGetsEachSentencesParticipants() throws {
        let body = [
            "President Donald Trump met leader Kim Jong Un at a summit in Singapore on June 12, 2018.",
            "President Moon Jae-in praised the summit in Singapore.",
            "Japan and China also welcomed the summit.",
        ]
        let (article, extractor, text) = Self.eventReading(
            id: "deferred", body, date: Day(year: 2018, month: 6, day: 13))
        let x = ArticleExtractor(lexicon: ExtractionSupport.resources.lexicon).extract(article)
        let pending = extractor.read(article, text: text, persons: nil)
        #expect(pending.sentences.count == 3)
        // Taken off after each sentence: no event holds a marker between sentences.
        #expect(
            !pending.state.clusters.flatMap { $0.participants + $0.leaders }.contains(where: PendingEvents.isMarker))
        let deferred = pending.finish(speakers: x.speakers, extractor: extractor)
        #expect(deferred == extractor.extract(article, extraction: x))
        let summit = try #require(deferred.first { $0.mentions.count == 3 })
        #expect(summit.participants == ["Donald Trump", "Kim Jong Un", "Moon Jae-in", "Japan", "China"])
    }
}
