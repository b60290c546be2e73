import Foundation
import Testing

@testable import BriefingModel

/// The byte-level paths of the article extractor (list items, quote slices, phrase tables) give what the
/// character-level paths give.
struct ExtractionFastPathTests {
    static let lists = [
        "North Korea, South Korea and the United States", "A; B; C or D", "peace, prosperity, and security",
        "talks, including a summit, and sanctions relief", "A, such as B, C and D or E", "  A ,  B  ;; C  ",
        "“sanctions,” “talks” and ‘peace’", "A,\u{00A0}B\u{00A0}and C\u{202F}", "and A, or B, and or C",
        "A, B and C and D or E", "A,, B, , C", ";", ", ", "", "A and", "A and and B", "A — B – C and D",
        "café, résumé and naïve", "x,\tand y", "A, notably B, especially C, such as D",
    ]

    @Test func aWordsHashOnItsBytesIsItsHashOnScalars() {
        // ASCII words of every case and mark (and a NUL), read as bytes; words with other scalars, scalar by scalar.
        let words = [
            "", "a", "Z", "@", "[", "`", "{", "Mr.", "U.S.", "KIM", "kIm-Jong", "don't", "9/11", "a\u{0}b",
            "Korea’s", "Ünification", "ǅemal", "Σ", "Moon Jae-in", "\u{7F}~",
        ]
        for w in words {
            let scalars = Array(w.unicodeScalars)
            #expect(TokenHash.hash(w) == TokenHash.hash(scalars, 0..<scalars.count), "\(w)")
        }
        // The fold of the ASCII path is that of `TokenHash.combine`: capitals hash as small letters, nothing else.
        #expect(TokenHash.hash("PYONGYANG") == TokenHash.hash("pyongyang"))
        #expect(TokenHash.hash("[") != TokenHash.hash("{"))
    }

    @Test func listItemsOnBytesAreListItemsOnCharacters() {
        for text in Self.lists {
            #expect(AgendaEnumeration.bytesAreSafe(Array(text.utf8)), "\(text)")
            for count in 1...6 {
                #expect(
                    AgendaEnumeration.splitItems(text, count: count)
                        == AgendaEnumeration.splitItemsOnCharacters(text, count: count), "\(text) \(count)")
            }
        }
    }

    @Test func textThatMightJoinASeparatorIsReadOnCharacters() {
        // A combining accent after the space of ", " makes one character with it: no separator there.
        let joined = "A, \u{0301}B and C"
        #expect(!AgendaEnumeration.bytesAreSafe(Array(joined.utf8)))
        #expect(
            AgendaEnumeration.splitItems(joined, count: 3)
                == AgendaEnumeration.splitItemsOnCharacters(joined, count: 3))
        #expect(!AgendaEnumeration.bytesAreSafe(Array("A\u{200B}, B".utf8)))
        #expect(!AgendaEnumeration.bytesAreSafe(Array("A, B 🇰🇷".utf8)))
        #expect(AgendaEnumeration.splitItems("A, B and C", count: 3) == ["A", "B", "C"])
        #expect(AgendaEnumeration.splitItems("A, including B, and C", count: 2) == ["A, including B", "C"])
    }

    /// The decoding of a paragraph into scalars (ASCII runs sixteen bytes at a time) gives its scalars, wherever
    /// a run starts and ends and whatever stands after it.
    @Test func paragraphsDecodeToTheirScalars() {
        let ascii = "The envoys met in Hanoi on Feb. 27, 2019, for the second summit; talks ended early."
        var texts = [ascii, "", "é", "한국", "“Fire and fury,” he said.", String(repeating: "a", count: 33)]
        for odd in ["é", "’", "한", "𝔸", "\u{7F}"] {
            for at in [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 60] {
                var t = ascii
                t.insert(contentsOf: odd, at: t.index(t.startIndex, offsetBy: at))
                texts.append(t)
                texts.append(String(t.prefix(at + 1)))
            }
        }
        for text in texts {
            let expected = Array(text.unicodeScalars)
            #expect(ArticleExtractor.scalars(of: text[...]) == expected, "\(text.debugDescription)")
            // A slice that starts inside the string reads from its own first byte.
            let tail = text.dropFirst(min(3, text.count))
            #expect(ArticleExtractor.scalars(of: tail) == Array(tail.unicodeScalars), "\(tail.debugDescription)")
        }
    }

    /// The next double quotation mark, found eight scalars at a time, is the first one a scalar-by-scalar reading
    /// finds, whatever stands around it (curly apostrophes and accents in the same eight, marks at their edges).
    @Test func nextQuotationMarkIsTheFirstOneAfter() {
        let paragraphs = ExtractionSupport.textsWithMarks(
            "The envoy’s talks in Hanoi ended early, and both sides blamed each other for it.",
            marks: ["\"", "“", "”", "«", "»", "„", "‟"])
        for s in paragraphs {
            for after in -1..<s.count {
                let expected = s.indices.first { $0 > after && QuoteScanner.isDouble(s[$0]) } ?? s.count
                #expect(QuoteScanner.nextMark(s, after: after) == expected, "\(String(String.UnicodeScalarView(s)))")
            }
        }
    }

    @Test func quoteSlicesCutTheParagraphAtItsScalars() {
        let text = "Ça “va”, said 金正恩 — “yes 👍 fine” and ‘so’."
        let scalars = Array(text.unicodeScalars)
        var slicer = UTF8Slicer(text: text[...], scalars: scalars)
        #expect(slicer.matches)
        for (a, b) in [(4, 8), (0, 2), (16, 30), (2, 3), (31, scalars.count), (0, scalars.count), (5, 5)] {
            let cut = slicer.slice(a..<b)
            let expected = String(String.UnicodeScalarView(scalars[a..<b]))
            #expect(cut.map(String.init) == expected, "\(a)..<\(b)")
            #expect(cut?.base == text)
        }
        #expect(slicer.slice(0..<(scalars.count + 1)) == nil)
        #expect(slicer.slice(-1..<2) == nil)
        // Scalars that are not the text's: no slice.
        var other = UTF8Slicer(text: text[...], scalars: Array("Ca".unicodeScalars))
        #expect(!other.matches)
        #expect(other.slice(0..<1) == nil)
    }

    @Test func phraseTablesMatchLongestPhraseFirstInOrderAdded() {
        let tokenizer = Tokenizer()
        var builder = PhraseMatcher.Builder()
        let phrases = ["vice president", "vice", "vice president elect", "UN envoy", "vice chair", "president"]
        for (k, phrase) in phrases.enumerated() {
            builder.add(tokenizer.tokenize(Array(phrase.unicodeScalars)), value: k)
        }
        builder.add([], value: 99)
        let m = builder.build(classBit: 0)
        func match(_ s: String) -> (value: Int, count: Int)? {
            m.match(tokenizer.tokenize(Array(s.unicodeScalars)), at: 0)
        }
        #expect(match("vice president elect Smith")?.value == 2)
        #expect(match("vice president Smith")?.value == 0)
        #expect(match("vice chair Smith")?.value == 4)
        #expect(match("vice admiral")?.value == 1)
        #expect(match("un envoy") == nil)
        #expect(match("UN envoy")?.count == 2)
        #expect(match("envoy") == nil)
        #expect(Set(m.firstWords) == Set(["vice", "UN", "president"].map { TokenHash.hash($0) }))
    }

    @Test func localIDsAreTheInterpolatedOnes() {
        for article in ["a", "2019-02/x-1", "some/rather/long/article-path_with-ünïcode", ""] {
            for n in [0, 1, 9, 10, 99, 100, 12345, Int.max] {
                #expect(ArticleExtractor.localID(article, tag: "q", n) == "\(article)#q\(n)")
                #expect(ArticleExtractor.localID(article, tag: "s", n) == "\(article)#s\(n)")
            }
        }
    }

    @Test func numberWordsFromWordClassesAreTheLexiconsNumberWords() {
        let lex = ExtractionLexicon(lexicon: EventTestSupport.lexicon)
        let scalars = Array(
            "Four pillars, two leaders, one summit and TWELVE points; the three-way talks of 2018 in ten rounds."
                .unicodeScalars)
        let p = ParagraphText(index: 0, scalars: scalars, quotes: [], lexicon: lex)
        var found = 0
        for k in p.tokens.indices {
            #expect(lex.numberWord(p, k) == lex.numberWords[p.tokens[k].hash], "\(k)")
            if lex.numberWord(p, k) != nil { found += 1 }
        }
        #expect(found == 4)  // Four, two, TWELVE, ten (not "one", nor the hyphenated "three-way")
    }

    @Test func tokenLookupInALongParagraphIsTheFirstTokenAtOrAfter() {
        var text = ""
        for k in 0..<1500 { text += k % 7 == 0 ? "“Yes,” she said   of \(k)… " : "Ünïcode wörds, U.S.-led talks. " }
        let scalars = Array(text.unicodeScalars)
        let splitter = SentenceSplitter(neverFinal: [], mayEndSentence: [], sentenceStarters: [])
        let p = ParagraphText(index: 0, scalars: scalars, quotes: [], tokenizer: Tokenizer(), splitter: splitter)
        #expect(p.tokens.count >= ParagraphText.indexedTokens)
        var expected = 0
        for o in -2...(scalars.count + 70) {
            while expected < p.tokens.count, p.tokens[expected].start < o { expected += 1 }
            #expect(p.token(atOrAfter: o) == expected, "\(o)")
        }
    }
}
