import Testing

@testable import BriefingModel

/// The corpus-wide stages read per-article and per-block storage as if it were one flat array.
@Suite struct CorpusChunksTests {
    static func candidate(_ article: String, _ kind: String) -> EventCandidate {
        EventCandidate(article: article, kind: kind, family: kind)
    }

    @Test func candidateChunksReadAsTheirConcatenation() {
        let chunks = [
            [Self.candidate("a", "summit"), Self.candidate("a", "talks")], [],
            [Self.candidate("b", "launch")], [], [Self.candidate("c", "test"), Self.candidate("c", "visit")],
        ]
        let read = CandidateChunks(chunks)
        let flat = chunks.flatMap { $0 }
        #expect(read.count == flat.count)
        #expect(Array(read) == flat)
        #expect(read.indices == 0..<5)
        #expect(read[2].article == "b")
        #expect(CandidateChunks([[EventCandidate]]()).isEmpty)
        #expect(Array(CandidateChunks(flat)) == flat)
    }

    /// Grouping the candidates where each article's extraction left them gives what grouping a flat copy gives.
    @Test func groupingChunksEqualsGroupingTheFlatArray() {
        let pipeline = Pipeline(resources: EventTestSupport.resources)
        let load = PipelineConcurrencyTests.load
        let x = load.articles.map(pipeline.extract)
        let lex = EventLexicon(lexicon: EventTestSupport.resources.lexicon)
        let quotes = SpeakerMerger.merge(x).quotes
        let places = quotes.map(QuotePlace.init)
        let flat = EventLinker.group(
            x.flatMap(\.eventCandidates), articles: load.articles, places: places, events: lex)
        let chunked = EventLinker.group(
            CandidateChunks(x.map(\.eventCandidates)), articles: load.articles, places: places, events: lex)
        var a = quotes
        var b = quotes
        let speakers = SpeakerMerger.merge(x).speakers
        let events = flat.finish(speakers: speakers, quotes: &a)
        #expect(events == chunked.finish(speakers: speakers, quotes: &b))
        #expect(a == b)
        #expect(!events.isEmpty)
    }

    @Test func tokenBlocksKeepEachParagraphContiguous() {
        func tokens(_ n: Int, id: Int32) -> [ItemToken] { (0..<n).map { ItemToken(position: $0, id: id) } }
        let size = TokenBlocks.blockSize
        // Empty paragraphs, a paragraph that does not fit in the block begun, and one larger than a block.
        let paragraphs = [
            [], tokens(3, id: 1), tokens(size - 2, id: 2), [], tokens(2 * size + 5, id: 3), tokens(1, id: 4), [],
        ]
        // Packed (ids below 5 leave 29 bits for positions), then with ids up to 2^20 (12 bits for positions):
        // the paragraphs with positions of 4096 and more are kept apart, unpacked.
        for idCount in [5, 1 << 20] {
            var store = TokenBlocks(idCount: idCount)
            for p in paragraphs { store.append(paragraph: p) }
            #expect(store.paragraphCount == paragraphs.count)
            var read: [ItemToken] = [ItemToken(position: 9, id: 9)]
            for (p, expected) in paragraphs.enumerated() {
                store.tokens(paragraph: p, into: &read)
                #expect(read.map(\.id) == expected.map(\.id), "idCount \(idCount), paragraph \(p)")
                #expect(read.map(\.position) == expected.map(\.position), "idCount \(idCount), paragraph \(p)")
            }
        }
    }
}
