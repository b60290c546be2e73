import Testing

@testable import BriefingModel

/// How a sentence scan stores its mentions small (`RawMention`): what a mention keeps as an index answers as the
/// value it stands for did.
@Suite struct SentenceScanStorageTests {
    private static let extractor = EventExtractor(lexicon: EventTestSupport.lexicon)

    /// The reading of the first sentence of `paragraph`, in an article dated `date`.
    private func reading(_ paragraph: String, date: String = "2019-03-01") throws -> SentenceReading {
        let extractor = Self.extractor
        let text = EventText(scalars: [Array(paragraph.unicodeScalars)], splitter: extractor.splitter)
        var found: SentenceReading?
        text.forEachSentence { k, p, range, sentence in
            guard k == 0 else { return }
            let scan = SentenceScan(
                extractor: extractor, persons: nil, tokens: text.tokens[p], range: range, scalars: text.scalars[p],
                sentence: sentence, paragraph: p, reference: EventTestSupport.day(date), dateline: nil,
                ordinalKind: nil)
            found = scan.gate().map { scan.read($0) }
        }
        return try #require(found)
    }

    @Test func aMentionKeepsTheIndexOfTheExpressionThatDatesIt() throws {
        let r = try reading("The talks opened on Monday, and the summit followed on June 12, 2018.")
        #expect(r.expressions.count == 2)
        let dates = r.raws.map { m in m.expression.map { r.expressions[$0].text } }
        #expect(dates == ["on Monday", "on June 12, 2018"])
    }

    /// The kind names and starts of a reading's mentions.
    private func mentions(_ r: SentenceReading) -> [String] {
        let table = Self.extractor.parts.kindTable
        return r.raws.map { "\(table.name($0.kind))@\($0.start)\($0.planned ? " planned" : "")" }
    }

    @Test func mentionsListedAfterAnEventWordAreSortedIn() throws {
        // "and at the border" (token 10) is listed after "met" (2) and "talks" (18) are found: it goes between.
        let r = try reading(
            "The leaders met twice more, in Hanoi in February and at the border in June, before talks in Seoul.")
        #expect(mentions(r) == ["meeting@2", "meeting@10", "talks@18"])
    }

    @Test func neighbouringWordsForOneEventAreOneMention() throws {
        let r = try reading("The envoys met for a new round of talks in Stockholm, then held a summit.")
        // "met" (2) and "talks" (8) are one mention, of the higher kind, from the first word.
        #expect(mentions(r) == ["talks@2", "summit@15"])
    }

    @Test func anInvitationToAnEventLeavesTheEventPlanned() throws {
        let r = try reading("Kim accepted an invitation to a summit in Washington, and the talks went on.")
        #expect(mentions(r) == ["summit@6 planned", "talks@12"])
    }

    @Test func equalExpressionsShareTheFirstIndex() throws {
        let tagged = Self.extractor.tagger.tag("on Monday and in June", reference: EventTestSupport.day("2019-03-01"))
        try #require(tagged.count == 2)
        let list = [tagged[0], tagged[1], tagged[0], tagged[1]]
        #expect(list.indices.map { SentenceScan.firstEqual($0, in: list) } == [0, 1, 0, 1])
        #expect(tagged.indices.map { SentenceScan.firstEqual($0, in: tagged) } == [0, 1])
    }
}

/// The kinds by index (`EventKinds`) and the event words with small values (`EventExtractor.Parts.eventWords`)
/// answer as the lexicon's names and triggers do.
@Suite struct EventKindTableTests {
    private static let parts = EventExtractor(lexicon: EventTestSupport.lexicon).parts

    /// Every kind a scan may meet: the lexicon's kinds, its event words' kinds and the empty kind.
    private static var names: [String] {
        let lexicon = parts.lexicon
        return [""] + lexicon.kinds.keys.sorted() + parts.triggers.map(\.kind)
    }

    @Test func eachKindKeepsItsNameFamilyAndRank() throws {
        let table = Self.parts.kindTable
        for name in Self.names {
            let k = try #require(table.id(name))
            #expect(table.name(k) == name)
            #expect(table.family(k) == Self.parts.kind(name).family)
            #expect(table.rank(k) == Self.parts.kind(name).rank)
        }
        #expect(table.id("") == EventKindID.none)
        #expect(table.id("no such kind") == nil)
    }

    @Test func kindsOfOneFamilyAreThoseWhoseFamiliesAreEqual() throws {
        let table = Self.parts.kindTable
        let names = Array(Set(Self.names))
        for a in names {
            for b in names {
                let same = !a.isEmpty && !b.isEmpty && Self.parts.kind(a).family == Self.parts.kind(b).family
                #expect(try table.sameFamily(#require(table.id(a)), #require(table.id(b))) == same, "\(a) \(b)")
            }
        }
        // The empty kind (a follow-up named by its place) is of no family, not even its own.
        #expect(!table.sameFamily(.none, .none))
    }

    @Test func aKindAddedLaterIsAFamilyOfItsOwn() {
        var table = EventKinds(kinds: Self.parts.lexicon.kinds)
        let parade = table.add("parade", kinds: Self.parts.lexicon.kinds)
        #expect(table.add("parade", kinds: Self.parts.lexicon.kinds) == parade)
        #expect(table.name(parade) == "parade" && table.family(parade) == "parade" && table.rank(parade) == 1)
        #expect(table.sameFamily(parade, parade))
        for name in Self.parts.lexicon.kinds.keys {
            if let k = table.id(name) { #expect(!table.sameFamily(parade, k)) }
        }
    }

    @Test func eventWordsMatchAsTheTriggersDo() {
        let parts = Self.parts
        let text =
            "Kim met with Trump in Hanoi, after talks and a summit; the remains received in Hawaii were those of "
            + "soldiers. North Korea test-fired missiles, visited Beijing and held a second round of negotiations."
        let tokens = WordTokenizer.tokenize(Array(text.unicodeScalars))
        var matched = 0
        for i in tokens.indices {
            for limit in [tokens.count, min(tokens.count, i + 1)] {
                let a = parts.lexicon.triggers.match(tokens, at: i, limit: limit)
                let b = parts.eventWords.match(tokens, at: i, limit: limit)
                #expect(a?.end == b?.end)
                guard let a, let b else { continue }
                matched += 1
                let t = parts.triggers[b.value.trigger]
                #expect(t == a.value)
                #expect(parts.kindTable.name(b.value.kind) == a.value.kind)
                #expect(b.value.product == t.product && b.value.invitation == t.invitation)
                #expect(b.value.plain == (t.next.isEmpty && t.near.isEmpty && t.subject.isEmpty))
            }
        }
        #expect(matched >= 8)
        // Verbs that need words around them are among those matched.
        #expect(tokens.indices.contains { parts.eventWords.match(tokens, at: $0)?.value.plain == false })
    }
}

/// Places by index (`PlaceNames`, `EventExtractor.Parts.places`) answer as the lexicon's place names do, and a
/// follow-up cue kept as tokens reads as the words written.
@Suite struct PlaceIndexTests {
    private static let parts = EventExtractor(lexicon: EventTestSupport.lexicon).parts

    @Test func aNameAddedTwiceKeepsItsIndex() {
        var names = PlaceNames(["Hanoi", "Vietnam", "Hanoi"])
        #expect(names.id("Hanoi") == PlaceID(index: 0) && names.id("Vietnam") == PlaceID(index: 1))
        let seoul = names.add("Seoul")
        #expect(names.add("Seoul") == seoul && names.add("Hanoi") == PlaceID(index: 0))
        #expect([PlaceID(index: 0), PlaceID(index: 1), seoul].map { names[$0] } == ["Hanoi", "Vietnam", "Seoul"])
        #expect(names.id("Pyongyang") == nil)
    }

    @Test func placesMatchAsTheLexiconsDo() throws {
        let parts = Self.parts
        let text =
            "Envoys met in Hanoi, Vietnam, then at the border village of Panmunjom and in Stockholm, Sweden, "
            + "before flying to Singapore and Pyongyang."
        let tokens = WordTokenizer.tokenize(Array(text.unicodeScalars))
        var matched = 0
        for i in tokens.indices {
            let a = parts.lexicon.places.match(tokens, at: i, limit: tokens.count)
            let b = parts.places.match(tokens, at: i, limit: tokens.count)
            #expect(a?.end == b?.end)
            guard let a, let b else { continue }
            matched += 1
            #expect(parts.placeNames[b.value] == a.value)
        }
        #expect(matched >= 6)
        // Every gazetteer place has an index (a dateline's place is one).
        for name in parts.lexicon.gazetteer.keys {
            #expect(try parts.placeNames[#require(parts.placeNames.id(name))] == name)
        }
    }

    @Test func compatibleAndNarrowerAnswerAsByName() throws {
        let parts = Self.parts
        let names = ["Hanoi", "Vietnam", "Singapore", "Panmunjom", "South Korea", "North Korea", "Seoul"]
            .filter { parts.lexicon.gazetteer[$0] != nil }
        try #require(names.count >= 5)
        for a in names {
            for b in names {
                let (x, y) = try (#require(parts.placeNames.id(a)), #require(parts.placeNames.id(b)))
                #expect(parts.compatible(x, y) == parts.compatible(a, b))
                #expect(parts.placeNames[parts.narrower(x, y)] == parts.narrower(a, b), "\(a) \(b)")
            }
        }
    }

    @Test func aFollowUpCueReadsAsWritten() {
        let body = [
            "The envoys held talks in Stockholm on October 5, 2019.",
            "They will hold a New Round of talks.",
            "Both sides agreed to Return to Stockholm two weeks later.",
        ]
        let article = EventTestSupport.article("cue", "2019-10-06", body)
        let extractor = EventExtractor(lexicon: EventTestSupport.lexicon)
        let x = ArticleExtractor(lexicon: EventTestSupport.lexicon).extract(article)
        let cues = extractor.extract(article, extraction: x).flatMap(\.relations).filter { $0.relation == .followUp }
            .compactMap(\.cue)
        #expect(cues.sorted() == ["New Round", "Return to"])
    }
}

/// The gate and the series cues, which read the extractor's tables in place, answer as the tables do.
@Suite struct SentenceGateTests {
    private static let extractor = EventExtractor(lexicon: EventTestSupport.lexicon)

    /// The gate of the first sentence of `paragraph`.
    private func gate(_ paragraph: String) -> SentenceReading.Gate? {
        let text = EventText(scalars: [Array(paragraph.unicodeScalars)], splitter: Self.extractor.splitter)
        var found: SentenceReading.Gate?
        text.forEachSentence { k, p, range, sentence in
            guard k == 0 else { return }
            let scan = SentenceScan(
                extractor: Self.extractor, persons: nil, tokens: text.tokens[p], range: range,
                scalars: text.scalars[p], sentence: sentence, paragraph: p, reference: nil, dateline: nil,
                ordinalKind: nil)
            found = scan.gate()
        }
        return found
    }

    @Test func aSentenceIsReadForAnEventWordOrADay() {
        #expect(gate("The leaders held a summit.") == .eventWord)
        #expect(gate("They will Return to the table.") == .eventWord)
        #expect(gate("It rained on Saturday.") == .dayOnly)
        #expect(gate("It rained on 12 June.") == .dayOnly)
        #expect(gate("It rained for a while.") == nil)
    }

    @Test func seriesCuesAnswerAsTheLexiconsSet() {
        let parts = Self.extractor.parts
        let cues = parts.lexicon.seriesCues
        #expect(!cues.isEmpty)
        let words = Array(cues) + cues.map { $0.capitalized } + ["summit", "and", "in", "May", "beginnings"]
        for word in words {
            let token = WordTokenizer.tokenize(Array(word.unicodeScalars))[0]
            #expect(parts.seriesCues.contains(token) == cues.contains(token.lower), "\(word)")
        }
    }
}
