import Testing

@testable import BriefingModel

/// The word filters only pre-check look-ups: they must never turn away a word their list holds.
@Suite struct TemporalWordFilterTests {
    @Test func everyRoleWordOfTheLexiconPasses() {
        let lex = TemporalLexicon(lexicon: EventTestSupport.lexicon)
        #expect(!lex.roles.isEmpty)
        for word in lex.roles.keys {
            let tokens = WordTokenizer.tokenize(word)
            guard tokens.count == 1, let t = tokens.first, t.lower == word else { continue }
            #expect(lex.roleFilter.mayContain(t), "\(word)")
        }
    }

    @Test func everyStarterAndOrdinalPasses() {
        let lex = EventLexicon(lexicon: EventTestSupport.lexicon)
        #expect(!lex.starters.isEmpty)
        for word in lex.starters {
            for t in WordTokenizer.tokenize(word) where t.lower == word {
                #expect(lex.starterFilter.mayContain(t), "\(word)")
            }
        }
        for word in lex.ordinals.keys {
            for t in WordTokenizer.tokenize(word) where t.lower == word {
                #expect(lex.ordinalFilter.mayContain(t), "\(word)")
            }
        }
    }

    @Test func capitalizedWordsShareTheFingerprintOfTheirLowercase() {
        let a = WordTokenizer.tokenize("Summit SUMMIT summit")
        #expect(a.count == 3)
        #expect(Set(a.map(\.fingerprint)).count == 1)
        #expect(a.first?.fingerprint == WordFilter.fingerprint("summit"))
    }

    @Test func mostOtherWordsAreTurnedAway() {
        let filter = WordFilter(["talks", "summit"])
        let tokens = WordTokenizer.tokenize("the talks in a city that held the summit")
        let passed = tokens.filter { filter.mayContain($0) }.map(\.lower)
        #expect(passed.contains("talks"))
        #expect(passed.contains("summit"))
        #expect(passed.count < tokens.count)
    }

    @Test func wordsOutsideASCIIAlwaysPass() {
        let filter = WordFilter(["talks"])
        let tokens = WordTokenizer.tokenize("café")
        #expect(tokens.first?.fingerprint == nil)
        #expect(tokens.allSatisfy { filter.mayContain($0) })
        var wide = WordFilter(["talks"])
        wide.insert("’ll")
        #expect(WordTokenizer.tokenize("the").allSatisfy { wide.mayContain($0) })
    }

    @Test func aPhraseIndexStillMatchesThroughItsFilter() {
        var index = PhraseIndex<Int>(caseSensitive: true)
        index.add("Ada King Lovelace", 1)
        let tokens = WordTokenizer.tokenize("countess Ada King Lovelace wrote")
        #expect(index.match(tokens, at: 1)?.end == 4)
        #expect(index.match(tokens, at: 0) == nil)
        #expect(index.match(WordTokenizer.tokenize("ada King Lovelace"), at: 0) == nil)
    }
}
