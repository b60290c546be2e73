import Testing

@testable import BriefingModel

/// Hash-keyed word tables must answer exactly as the dictionaries they stand for.
@Suite struct TemporalWordMapTests {
    @Test func tokensFindTheValueOfTheirLowercaseAndNothingElse() {
        let map = WordMap(["june": 6, "jun": 6, "may": 5, "'ll": 1, "-": 9])
        let tokens = WordTokenizer.tokenize("June JUNE jun may Mayor mays - we'll junes ,")
        let dictionary = ["june": 6, "jun": 6, "may": 5, "'ll": 1, "-": 9]
        #expect(tokens.count == 10)
        for t in tokens {
            #expect(map[t] == dictionary[t.lower], "\(t.text)")
            #expect(map.contains(t) == (dictionary[t.lower] != nil), "\(t.text)")
        }
        #expect(map["june"] == 6)
        #expect(map["June"] == nil)
        #expect(map[""] == nil)
    }

    @Test func keysOfOneHashAreTellApartByTheirText() {
        // Every key given the same hash: the chain must be walked and confirmed on the string.
        let map = WordMap(["a": 1, "b": 2, "c": 3], hashing: { _ in 42 })
        #expect(map[42, "a"] == 1)
        #expect(map[42, "b"] == 2)
        #expect(map[42, "c"] == 3)
        #expect(map[42, "d"] == nil)
        #expect(map[7, "a"] == nil)
    }

    @Test func wordsThatAreNotASCIIFallBackToTheDictionary() {
        // A key that is not ASCII: every look-up goes through String equality (canonical equivalence).
        let decomposed = "cafe\u{301}"
        let map = WordMap([decomposed: 1, "talks": 2])
        for t in WordTokenizer.tokenize("caf\u{E9} Café talks Talks") {
            #expect(map[t] == [decomposed: 1, "talks": 2][t.lower], "\(t.text)")
        }
        #expect(map["caf\u{E9}"] == 1)
        // A token that is not ASCII against ASCII keys.
        let ascii = WordMap(["k": 1])
        for t in WordTokenizer.tokenize("k K \u{212A}") {
            #expect(ascii[t] == ["k": 1][t.lower], "\(t.text)")
        }
    }

    @Test func setsAnswerAsSetsOfStrings() {
        let words = ["in", "at", "to", "near", "inside"]
        let set = WordSet(words)
        for t in WordTokenizer.tokenize("In at TO near inside outside into , the") {
            #expect(set.contains(t) == Set(words).contains(t.lower), "\(t.text)")
        }
        #expect(set.contains("near"))
        #expect(!set.contains("Near"))
    }

    @Test func theTemporalTablesMatchTheLexicon() {
        let tagger = TemporalTagger(lexicon: EventTestSupport.lexicon)
        let lex = tagger.lexicon
        #expect(!lex.roles.isEmpty)
        for (word, roles) in lex.roles {
            #expect(tagger.shared.roles[word] == roles, "\(word)")
        }
        for (word, month) in lex.months {
            for t in WordTokenizer.tokenize(word) where t.lower == word {
                #expect(tagger.shared.months[t] == month, "\(word)")
            }
        }
    }
}
