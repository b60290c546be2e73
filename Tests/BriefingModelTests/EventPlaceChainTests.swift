import Testing

@testable import BriefingModel

/// The extractor's place chains, built once, answer as the lexicon's chains built per call.
@Suite struct EventPlaceChainTests {
    @Test func compatibleAndNarrowerMatchTheLexicon() {
        let extractor = EventExtractor(lexicon: EventTestSupport.lexicon)
        let lexicon = extractor.lexicon
        let places = Array(lexicon.gazetteer.keys).sorted() + ["Nowhere In Particular"]
        #expect(places.count > 10)
        #expect(lexicon.gazetteer.values.contains { $0.within != nil })
        for a in places {
            #expect(extractor.parts.chain(a) == EventLexicon.chain(a, in: lexicon.gazetteer), "\(a)")
            for b in places {
                #expect(extractor.parts.compatible(a, b) == lexicon.compatible(a, b), "\(a) / \(b)")
                #expect(extractor.parts.narrower(a, b) == lexicon.narrower(a, b), "\(a) / \(b)")
            }
        }
    }
}
