import Testing

@testable import BriefingModel

/// The tagger's fast paths give what the plain ones give.
@Suite struct TemporalFastPathTests {
    @Test func isoDaysParseAsDayIsoDoes() {
        let texts = [
            "2019-10-05", "2018-02-29", "2020-02-29", "0000-01-01", "9999-12-31", "2019-13-01", "2019-00-10",
            "2019-1-05", "2019-10-5", "+201-10-05", "2019-10-05T10:00", " 2019-10-05", "2019/10/05", "20191005",
            "2019-10-055", "", "2019-10-0a",
        ]
        for t in texts {
            #expect(Day.parseISO(t) == Day(iso: t), "\(t)")
        }
    }

    @Test func aTokenSkippedByTheTaggerMatchesNothing() {
        let tagger = TemporalTagger(lexicon: EventTestSupport.lexicon)
        let text =
            "In mid-2018, two weeks later, on Saturday, Oct. 5, the talks of late-October and the 2019-10-05 "
            + "summit since last year, three days ago — in the spring; year-end, next week's, follow-up, 27-28 June."
        let tokens = WordTokenizer.tokenize(text)
        let scan = TemporalScan(
            shared: tagger.shared, tokens: tokens, lower: 0, limit: tokens.count, reference: Day(iso: "2019-10-05"),
            forcedTense: nil)
        var skipped = 0
        for i in tokens.indices where TemporalTagger.startsNothing(tokens[i], roleFilter: tagger.lexicon.roleFilter) {
            skipped += 1
            #expect(scan.match(at: i) == nil, "\(tokens[i].text)")
        }
        #expect(skipped > 10)
        #expect(!tagger.tag(text, reference: Day(iso: "2019-10-05")).isEmpty)
    }

    @Test func hyphenatedWordsSplitAsStringSplitDoes() {
        let text = "mid-2018 Mid-February late-October inter-Korean a-b-c x--y follow-up é-mid mid-é 27-28 co-op’s"
        let tokens = WordTokenizer.tokenize(text) + WordTokenizer.tokenize("-a a- - -- a-")
        for t in tokens {
            let expected = t.lower.split(separator: "-", maxSplits: 1).map(String.init)
            #expect(TemporalScan.splitAtHyphen(t) == expected, "\(t.text)")
            // The hash of the bytes before the first hyphen, read in place, is that of the first piece's string.
            if let h = t.lowerHashBeforeHyphen {
                let before = String(t.lower.prefix { $0 != "-" })
                #expect(h == WordToken.hash(before), "\(t.text)")
            } else {
                #expect(!t.isPacked || !t.lower.contains("-"), "\(t.text)")
            }
        }
        // The words the shortcut reads in place answer as before: a part is still found, others are not.
        #expect(WordTokenizer.tokenize("Mid-February")[0].lowerHashBeforeHyphen == WordToken.hash("mid"))
        #expect(WordTokenizer.tokenize("long-range")[0].lowerHashBeforeHyphen == WordToken.hash("long"))
    }

    @Test func repeatedWordsGetTheTokensOfAFreshReading() {
        // A word's token is the same wherever it stands and however often it comes: that of the word alone.
        let text = "Talks talks TALKS talks' Kim's kim U.S. U.S. 2019-10-05 2019-10-05 summit summit. Summit’s"
        let tokens = WordTokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        #expect(tokens.count == 15)
        for t in tokens where t.kind != .punctuation {
            let alone = String(String.UnicodeScalarView(scalars[t.start..<t.end]))
            guard let fresh = WordTokenizer.tokenize(alone).first else {
                Issue.record("no token in \(alone)")
                continue
            }
            #expect(fresh.text == t.text && fresh.lower == t.lower && fresh.lowerHash == t.lowerHash, "\(alone)")
            #expect(fresh.capitalized == t.capitalized && fresh.possessive == t.possessive, "\(alone)")
        }
        #expect(tokens.map(\.lower).filter { $0 == "talks" }.count == 4)
    }

    @Test func tokenFlagsSurviveTheCompactLayout() {
        let tokens = WordTokenizer.tokenize("Korea’s mid-2018 we'll")
        #expect(tokens.count == 3)
        #expect(tokens[0].possessive && tokens[0].capitalized && !tokens[0].hasHyphen)
        #expect(tokens[1].hasHyphen && !tokens[1].capitalized && tokens[1].isASCII)
        #expect(tokens[2].quoteByte && !tokens[2].possessive)
        #expect(tokens[1].start == 8 && tokens[1].end == 16)
        #expect(MemoryLayout<WordToken>.size <= 48)
        // Plain data: copying and freeing tokens takes no reference counting.
        #expect(_isPOD(WordToken.self))
    }
}
