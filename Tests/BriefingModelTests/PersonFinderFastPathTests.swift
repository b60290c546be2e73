import Testing

@testable import BriefingModel

/// The person finder's shortcuts (last of two words, names added once, first keys) give what the plain code gave.
@Suite struct PersonFinderFastPathTests {
    @Test func lastOfTwoWordsIsWhatSplitFinds() {
        let names = [
            "Donald Trump", " Donald  Trump ", "Kim Jong Un", "Trump", "", "   ", "Moon Jae-in", "문 재인",
            "a \u{301}b c", "Kim \u{301}Jong", "Ri  Yong Ho", "Ri\tYong", "Lee ", " Lee", "x y", "Stephen  Biegun",
            // Not ASCII only after the second word, or in its last byte; a prepended mark joins the space after it
            // into one character, which `split` does not cut.
            "a b c \u{301}", "Kim Jong\u{301}", "Kim Jong \u{301}", "Kim Jong\u{301} Un", "Kim Jongé", "é Kim",
            "Kim\u{600} Jong", "Kim Jong\u{600} Un",
        ]
        for name in names {
            let words = name.split(separator: " ")
            let expected = words.count == 2 ? words.last.map(String.init) : nil
            #expect(PersonFinder.lastOfTwoWords(name).map(String.init) == expected, "\(name)")
        }
    }

    @Test func aSpaceIsFoundAsInTheUTF8View() {
        for name in [
            "Donald Trump", "Trump", "", " ", "문 재인", "문재인", "Kim\u{A0}Jong", String(repeating: "x", count: 40) + " ",
        ] {
            #expect(PersonFinder.hasSpace(name) == name.utf8.contains(32), "\(name)")
        }
    }

    @Test func aStringIsAddedOnce() {
        var added = AddedStrings()
        let answers = ["Kim Jong Un", "Kim", "Kim Jong Un", "Kim", "kim"].map { added.insert($0) }
        #expect(answers == [true, true, false, false, true])
    }

    @Test func firstKeysAreThoseOfEveryPhrase() {
        var index = PhraseIndex<String>(caseSensitive: true)
        index.add("Kim Jong Un", "a")
        index.add("KIM Jong Un", "b")
        index.add("Kim Yo Jong", "c")
        index.add("Trump", "d")
        index.add("Kim Jong Un", "e")
        #expect(Set(index.firstKeys) == ["Kim", "KIM", "Trump"])
        #expect(index.firstKeys.count == 3)
        var folded = PhraseIndex<Int>()
        folded.add("Moon Jae-in", 1)
        folded.add("MOON", 2)
        #expect(Set(folded.firstKeys) == ["moon"])
    }

    @Test func aNameFoundTwiceIsALeaderWhenEitherFindingIs() {
        let lexicon = EventLexicon(lexicon: EventTestSupport.lexicon)
        let text = "Negotiator Kim Myong Gil met the envoy. Later leader Kim Myong Gil spoke, and Kim Myong Gil left."
        let tokens = [WordTokenizer.tokenize(Array(text.unicodeScalars))]
        let speakers = [
            Speaker(id: "s1", name: "Kim Myong Gil", kind: .person, aliases: ["Kim Myong Gil", "Gil"]),
            Speaker(id: "s2", name: "Stephen Biegun", kind: .person, aliases: ["Biegun"]),
        ]
        let finder = PersonFinder(paragraphs: tokens, speakers: speakers, lexicon: lexicon)
        #expect(finder.leaders == ["Kim Myong Gil"])
        var found: [String] = []
        for i in tokens[0].indices {
            if let m = finder.names.match(tokens[0], at: i) { found.append(m.value) }
        }
        #expect(found.filter { $0 == "Kim Myong Gil" }.count >= 3, "\(found)")
        let biegun = [WordTokenizer.tokenize("Biegun spoke.")]
        #expect(finder.names.match(biegun[0], at: 0)?.value == "Stephen Biegun")
    }
}

/// A word filter filled from tokens passes what one filled from their `lower` strings passes.
@Suite struct WordFilterTokenInsertTests {
    @Test func aTokenInsertsItsLowerString() {
        let text = "The U.S. and Kim's talks, on Saturday; \u{212A} Café — “Yes” 한국어 abcdefghijklmnopq x.y 2019"
        let tokens = WordTokenizer.tokenize(text)
        let probes = WordTokenizer.tokenize(text + " the us kim talks yes k café 2019 other words here")
        for k in tokens.indices {
            var byToken = WordFilter()
            var byString = WordFilter()
            for t in tokens[k...] {
                byToken.insert(t)
                byString.insert(t.lower)
            }
            for p in probes {
                #expect(byToken.mayContain(p) == byString.mayContain(p), "\(tokens[k].text) \(p.text)")
            }
        }
    }
}
