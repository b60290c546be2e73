import Foundation
import Testing

@testable import BriefingModel

/// The shortcuts the corpus-wide stages take (ASCII text, day ordinals, integer keys) give what the general paths
/// give.
@Suite struct CorpusStageFastPathTests {
    static let texts = [
        "Donald J. Trump", "Kim Jong-un", "the North’s leader", "THE PRESIDENT", "O'Brien", "  Mike  Pompeo ",
        "Jean-Yves Le Drian", "A. B.", "", "-", "--x--", "x-", "/a/b/", "talks-2019", "Summit 2 (Hanoi)",
        "U.S.-North Korea", "co-operation/trade", "1st round", "a--b//c", "Ri Yong-ho (foreign minister)",
        "missile test", "don't", "'quoted'",
    ]

    @Test func asciiSlugEqualsTheFoldingSlug() throws {
        for t in Self.texts where t.utf8.allSatisfy({ $0 < 128 }) {
            let fast = try #require(AgendaText.asciiSlug(t), "\(t)")
            #expect(fast == AgendaText.unicodeSlug(t), "\(t)")
        }
        #expect(AgendaText.asciiSlug("Müller") == nil)
        #expect(AgendaText.slug("Jürgen Müller") == "jurgen-muller")
    }

    @Test func asciiWordsEqualTheFoundationWords() throws {
        for t in Self.texts where t.utf8.allSatisfy({ $0 < 128 }) {
            let fast = try #require(AgendaText.asciiWords(t), "\(t)")
            #expect(fast == AgendaText.unicodeWords(t), "\(t)")
        }
        // General Punctuation is read as a separator, as the general path reads it; other scalars are left to it.
        let punctuated = [
            "the North’s leader", "“Maximum pressure”—and ‘talks’…", "Pyeongchang–Seoul", "x\u{2010}y z\u{2011}",
            "co-op\u{2014}/trade-\u{201D}", "\u{2000}\u{206F}a\u{200D}b\u{2060}", "end\u{2019}",
        ]
        for t in punctuated {
            let fast = try #require(AgendaText.asciiWords(t), "\(t)")
            #expect(fast == AgendaText.unicodeWords(t), "\(t)")
        }
        #expect(AgendaText.words("the North’s leader") == ["the", "north", "s", "leader"])
        for t in ["Müller’s", "x\u{2070}", "a\u{2071}b", "\u{212A}elvin", "\u{1FFC}"] {
            #expect(AgendaText.asciiWords(t) == nil, "\(t)")
        }
    }

    /// `unicodeWords` as it was written first: each word trimmed by Foundation.
    static func foundationWords(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for c in s.lowercased().unicodeScalars {
            if Tokenizer.isLetterOrDigit(c) || ((c == "-" || c == "/") && !cur.isEmpty) {
                cur.unicodeScalars.append(c)
            } else {
                if !cur.isEmpty { out.append(cur.trimmingCharacters(in: CharacterSet(charactersIn: "-/"))) }
                cur = ""
            }
        }
        if !cur.isEmpty { out.append(cur.trimmingCharacters(in: CharacterSet(charactersIn: "-/"))) }
        return out.filter { !$0.isEmpty }
    }

    @Test func unicodeWordsTrimAsFoundationTrims() {
        let texts =
            Self.texts + [
                "Müller-/ café/— naïve-- Pyeongchang–Seoul x-/ -a /b c-- d// e-f/g", "北朝鮮-/ 2019年/",
                "Ünïcödé-wörds/ ÉTATS-UNIS- résumé/CV/ ‘quoted’-", "é-/-/", "—", "é",
            ]
        for t in texts { #expect(AgendaText.unicodeWords(t) == Self.foundationWords(t), "\(t)") }
    }

    /// `stem` as it is for any text, through `String`'s suffixes and character counts.
    static func characterStem(_ w: String) -> String {
        for (suffix, repl) in AgendaText.stemRules where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
            return String(w.dropLast(suffix.count)) + repl
        }
        return w
    }

    @Test func asciiStemEqualsTheCharacterStem() throws {
        var words = Self.texts.flatMap { AgendaText.words($0) } + Self.texts
        words += [
            "organizations", "organization", "realisations", "harmonizing", "sized", "izes", "prizes", "nations",
            "relations", "negotiating", "negotiated", "rates", "ate", "update", "parties", "studies", "testing",
            "tested", "boxes", "talks", "sanctions", "s", "es", "ed", "ing", "ies", "abcdies", "abcds", "abcs",
            "summit\r\n", "a\r\ntes", "1990s", "u.s.", "talks-2019s", "",
        ]
        for w in words {
            if let fast = AgendaText.asciiStem(w) { #expect(fast == Self.characterStem(w), "\(w)") }
            #expect(AgendaText.stem(w) == Self.characterStem(w), "\(w)")
        }
        #expect(AgendaText.asciiStem("summit\r\n") == nil)
        #expect(AgendaText.asciiStem("Müller") == nil)
        #expect(AgendaText.stem("négociations") == "négoci")
    }

    @Test func byteStemHashesEqualTheScalarOnes() throws {
        var texts =
            Self.texts + [
                "Denuclearization talks; DENUCLEARIZE, repatriations/repatriated remains — “sanctions” relief.",
                "organizations organization izes sized ize realizations theories studies parties tested testing",
                "Ünïcödé wörds: Müller’s naïve café-society, Pyeongchang–Seoul, 北朝鮮 2019年, résumé/CV, ÉTATS-UNIS.",
                "x-/ -a /b c-- d// e-f/g h-/i 12-15 1990s U.S.-N.K. ending-", "", "-", "🙂 emoji🙂word ok",
                "abcdes abcdings abcies abcdeds izations aizations abizations abcdizations",
            ]
        let folder = EventTestSupport.root + "/Data/articles"
        for a in CorpusLoader().load(paths: [folder]).articles.prefix(40) { texts += a.paragraphs.map(\.text) }
        var fast: [UInt64] = []
        var reference: [UInt64] = []
        for t in texts {
            AgendaText.stemHashes(t, into: &fast)
            AgendaText.stemHashesScalar(t, into: &reference)
            #expect(fast == reference, "\(t.prefix(80))")
        }
        #expect(texts.count > 40)
    }

    @Test func generalPunctuationHoldsNoLetterOrDigit() throws {
        // The word loop answers this block without a Unicode property look-up.
        #expect(AgendaText.generalPunctuation == 0x2000..<0x2070)
        for v in AgendaText.generalPunctuation {
            let c = try #require(Unicode.Scalar(v))
            #expect(!Tokenizer.isLetterOrDigit(c), "U+\(String(v, radix: 16))")
            #expect(!AgendaText.isLetterOrDigit(c), "U+\(String(v, radix: 16))")
            // Lowercasing leaves it as it is (the ASCII paths do not lowercase it).
            #expect(String(c).lowercased() == String(c), "U+\(String(v, radix: 16))")
        }
        // Just outside it, letters and digits as the properties say: U+1FFC is a Greek capital letter, U+2070 a
        // superscript zero, U+2071 a superscript i.
        for c: Unicode.Scalar in ["\u{1FFC}", "\u{2070}", "\u{2071}", "\u{E9}", "\u{D55C}"] {
            #expect(AgendaText.isLetterOrDigit(c), "\(c)")
        }
        #expect(!AgendaText.isLetterOrDigit("\u{3001}"))
    }

    @Test func asciiEventSlugEqualsTheUnicodeSlug() throws {
        for t in Self.texts where t.utf8.allSatisfy({ $0 < 128 }) {
            let fast = try #require(MergedEvent.asciiSlugify(t), "\(t)")
            #expect(fast == MergedEvent.unicodeSlugify(t), "\(t)")
        }
        #expect(MergedEvent.slugify("Pyeongchang–Seoul") == "pyeongchang-seoul")
    }

    @Test func daySpansOverlapAsDatesDo() throws {
        let a = try #require(Day(iso: "2019-02-27"))
        let dates: [EventDate] = [
            .day(a), .days(a, a.adding(days: 1)), .week(of: a), .approximate(from: a.adding(days: -5), to: a),
            try #require(.month(2019, 2)), try #require(.month(2019, 3)), try #require(.year(2019)),
            .day(a.adding(days: 4)), .day(a.adding(days: -3)), EventDate(value: "2019-02", precision: .month),
            EventDate(value: "garbled", precision: .day),
        ]
        for x in dates {
            for y in dates {
                for slack in [0, 3] {
                    let spans = DaySpan(x).flatMap { sx in DaySpan(y).map { sx.overlaps($0, slack: slack) } } ?? false
                    #expect(spans == x.overlaps(y, slack: slack), "\(x.value) \(y.value) \(slack)")
                }
            }
            #expect((DaySpan(x)?.width ?? Int.max / 4) == x.width)
        }
    }

    @Test func articleSlotsNumberArticlesInOrderOfFirstAppearance() {
        let slots = ArticleSlots(["a", "a", "b", "a", "c", "c", "b"])
        #expect(slots.articles == ["a", "b", "c"])
        #expect(slots.slot == [0, 0, 1, 0, 2, 2, 1])
        #expect(slots.slotOf["c"] == 2)
    }

    @Test func distinctMentionsKeepTheFirstOfEachInOrder() {
        func m(_ a: String, _ p: Int, _ t: String) -> (order: Int, paragraph: Int, mention: EventMention) {
            (a == "a" ? 0 : 1, p, EventMention(article: a, paragraph: p, text: t))
        }
        var keyed = [m("a", 0, "x"), m("a", 0, "y"), m("a", 0, "x"), m("a", 1, "x"), m("b", 1, "x"), m("b", 1, "x")]
        // A long run goes through a set: the same answer.
        keyed += (0..<40).map { m("b", 2, "t\($0 % 20)") }
        let unique = EventLinker.distinctMentions(keyed)
        var seen = Set<EventMention>()
        #expect(unique == keyed.map(\.mention).filter { seen.insert($0).inserted })
        #expect(unique.count == 4 + 20)
    }

    @Test func linkNamesCompareAndNarrowPlacesAsTheLexiconDoes() {
        let lex = EventTestSupport.resources.lexicon
        let events = EventLexicon(lexicon: lex)
        let places = Array(events.gazetteer.keys.sorted().prefix(40))
        var names = LinkNames(countries: [])
        let ids = places.map { names.place($0, gazetteer: events.gazetteer) }
        for (i, a) in places.enumerated() {
            for (j, b) in places.enumerated() {
                #expect(names.compatible(ids[i], ids[j]) == events.compatible(a, b), "\(a) \(b)")
                #expect(names.strings[Int(names.narrower(ids[i], ids[j]))] == events.narrower(a, b), "\(a) \(b)")
            }
        }
    }

    @Test func aSpeakerNamedTwiceInOneParagraphKeepsOneMention() {
        let a = Speaker(
            id: "x#s1", name: "Alan Brooks", kind: .person, role: "envoy",
            mentions: [Mention(article: "x", paragraph: 0), Mention(article: "x", paragraph: 2)])
        let b = Speaker(
            id: "x#s2", name: "Brooks", kind: .person,
            mentions: [Mention(article: "x", paragraph: 2), Mention(article: "x", paragraph: 3)])
        let c = Speaker(
            id: "y#s1", name: "Alan Brooks", kind: .person, mentions: [Mention(article: "y", paragraph: 0)])
        let merged = SpeakerMerger.merge([
            ArticleExtraction(article: "x", speakers: [a, b]), ArticleExtraction(article: "y", speakers: [c]),
        ])
        #expect(merged.speakers.count == 1)
        // Members in cluster order (full names first, then the one-word name that joined them), repeats dropped.
        #expect(
            merged.speakers.first?.mentions == [
                Mention(article: "x", paragraph: 0), Mention(article: "x", paragraph: 2),
                Mention(article: "y", paragraph: 0), Mention(article: "x", paragraph: 3),
            ])
    }
}

/// Linking in two steps (`group` beside speaker merging, then `finish`) gives what `link` gives.
@Suite struct EventLinkerStepsTests {
    @Test func groupThenFinishEqualsLink() {
        let pipeline = Pipeline(resources: EventTestSupport.resources)
        let load = CorpusLoader().load(paths: [EventTestSupport.root + "/Data/articles"])
        let x = load.articles.map(pipeline.extract)
        let lex = EventLexicon(lexicon: EventTestSupport.resources.lexicon)
        let candidates = x.flatMap(\.eventCandidates)
        let merged = SpeakerMerger.merge(x)
        var quotesA = merged.quotes
        let linked = EventLinker.link(
            candidates, articles: load.articles, speakers: merged.speakers, quotes: &quotesA, events: lex)
        // The steps: grouping reads the quotes before merging.
        let grouped = EventLinker.group(
            candidates, articles: load.articles, quotes: x.flatMap(\.quotes), events: lex)
        var quotesB = merged.quotes
        let finished = grouped.finish(speakers: merged.speakers, quotes: &quotesB)
        #expect(!linked.isEmpty)
        #expect(linked == finished)
        #expect(quotesA == quotesB)
        #expect(quotesA.contains { !$0.events.isEmpty })
    }
}
