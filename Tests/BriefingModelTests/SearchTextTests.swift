import Testing

@testable import BriefingModel

@Suite struct SearchTextTests {
    @Test func foldsCaseDiacriticsAndApostrophes() {
        #expect(SearchText.words("R\u{E9}gime CHANGE") == ["regime", "change"])
        #expect(SearchText.words("Re\u{301}gime") == ["regime"])  // decomposed accent
        #expect(SearchText.words("don\u{2019}t can't") == ["dont", "cant"])
        #expect(SearchText.words("Kim\u{2019}s Sweden's") == ["kim", "sweden"])
        #expect(SearchText.words("\u{201C}great\u{201D} follow-up U.S.") == ["great", "follow", "up", "u", "s"])
        #expect(SearchText.words("Koreas\u{2019} talks") == ["koreas", "talks"])
        #expect(SearchText.words("— … ,") == [])
    }

    @Test func tokensCarryUnicodeScalarOffsets() {
        let text = "\u{201C}Re\u{301}gime\u{201D} talks"
        let tokens = SearchText.tokenize(text)
        #expect(tokens.count == 2)
        #expect(tokens[0] == SearchToken(word: "regime", start: 1, end: 8))
        #expect(tokens[1] == SearchToken(word: "talks", start: 10, end: 15))
        let ranges = SearchHit.stringRanges(tokens.map { $0.start..<$0.end }, in: text)
        #expect(ranges.map { String(text[$0]) } == ["Re\u{301}gime", "talks"])
    }

    @Test func trailingApostropheIsNotPartOfTheWord() {
        let tokens = SearchText.tokenize("the negotiators' demands")
        #expect(tokens.map(\.word) == ["the", "negotiators", "demands"])
        #expect(tokens[1].start == 4 && tokens[1].end == 15)
    }

    @Test func stemsInflectionsTogether() {
        func same(_ words: [String]) -> Bool { Set(words.map(LightStemmer.stem)).count == 1 }
        #expect(same(["talk", "talks", "talked", "talking"]))
        #expect(same(["denuclearization", "denuclearize", "denuclearized", "denuclearizing", "denuclearizes"]))
        #expect(same(["displeased", "displease", "displeases"]))
        #expect(same(["negotiation", "negotiations", "negotiate", "negotiated", "negotiating"]))
        #expect(same(["sanction", "sanctions", "sanctioned"]))
        #expect(same(["policy", "policies"]))
        #expect(same(["stop", "stopped", "stopping"]))
        #expect(same(["agree", "agreed", "agrees", "agreeing"]))
        #expect(same(["deny", "denied", "denies"]))
        #expect(same(["need", "needs", "needed"]))
        #expect(same(["hope", "hoped", "hopes"]))
    }

    @Test func stemmerLeavesShortAndUnrelatedWordsAlone() {
        #expect(LightStemmer.stem("thing") == "thing")
        #expect(LightStemmer.stem("nation") == "nation")
        #expect(LightStemmer.stem("was") == "was")
        #expect(LightStemmer.stem("discuss") == "discuss")
        #expect(LightStemmer.stem("falling") == "fall")
        #expect(LightStemmer.stem("2019") == "2019")
        #expect(LightStemmer.stem("talk") != LightStemmer.stem("walk"))
    }
}
