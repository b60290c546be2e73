import Testing

@testable import BriefingModel

@Suite struct SearchIndexTests {
    typealias F = SearchFixture

    @Test func wordsAreAnded() throws {
        #expect(try F.idSet("talks") == ["q3", "q6", "q9", "q10"])
        #expect(try F.idSet("talks DPRK") == ["q6"])
        #expect(try F.idSet("talks nowhere") == [])
    }

    @Test func matchingFoldsCaseDiacriticsAndApostrophes() throws {
        #expect(try F.idSet("REGIME") == ["q8", "q9"])  // "régime" in q9
        #expect(try F.idSet("r\u{E9}gime") == ["q8", "q9"])
        #expect(try F.idSet("Sweden's") == ["q3"])  // curly apostrophe in the quote
        #expect(try F.idSet("couldn\u{2019}t") == ["q5"])  // straight apostrophe in the quote
        #expect(try F.idSet("\u{201C}great meeting\u{201D}") == ["q10"])  // curly quotation marks around the phrase
    }

    @Test func stemmingFindsEveryInflection() throws {
        #expect(try F.idSet("talk") == ["q3", "q6", "q9", "q10"])  // talks, talking/talk, talked
        #expect(try F.idSet("denuclearize") == ["q6", "q7", "q10"])  // denuclearize, denuclearization
        #expect(try F.idSet("displease") == ["q6"])  // displeased
        #expect(try F.idSet("negotiation") == ["q2"])  // negotiations
    }

    @Test func exactPhrases() throws {
        #expect(try F.idSet("\"peace regime\"") == ["q8"])
        #expect(try F.idSet("\"creative ideas\"") == ["q1"])
        #expect(try F.idSet("\"ideas creative\"") == [])
        #expect(try F.idSet("\"broke off\" expectation") == ["q2"])
        #expect(try F.idSet("\"continue talking\"") == ["q3"])  // stemmed inside phrases too
    }

    @Test func exclusions() throws {
        #expect(try F.idSet("talks -stockholm") == ["q6", "q9", "q10"])
        #expect(try F.idSet("talks -\"keep talking\"") == ["q3", "q6", "q10"])
        #expect(try F.idSet("talks -speaker:trump") == ["q3", "q6", "q9"])
        #expect(try F.idSet("-talks -kim -dprk") == ["q2", "q4", "q5", "q7", "q8"])
    }

    @Test func prefixes() throws {
        #expect(try F.idSet("sanction*") == ["q5"])
        #expect(try F.idSet("denuc*") == ["q6", "q7", "q10"])
        #expect(try F.idSet("disc*") == ["q1"])
        #expect(try F.idSet("DISPLEAS*") == ["q6"])
        #expect(try F.idSet("zz*") == [])
    }

    @Test func orBetweenTerms() throws {
        #expect(try F.idSet("walk OR sanctions") == ["q4", "q5"])
        #expect(try F.idSet("lifted walk OR sanctions") == ["q5"])
        #expect(try F.idSet("\"peace regime\" OR \"creative ideas\" OR denuc*") == ["q1", "q6", "q7", "q8", "q10"])
        #expect(try F.idSet("(walk times) OR \"broke off\"") == ["q2", "q4"])
        #expect(try F.idSet("speaker:kcna OR speaker:negotiators") == ["q6", "q7"])
    }

    @Test func speakerAndKindFilters() throws {
        #expect(try F.idSet("speaker:ortagus") == ["q1", "q3"])
        #expect(try F.idSet("speaker:\"Morgan Ortagus\"") == ["q1", "q3"])
        #expect(try F.idSet("speaker:ort*") == ["q1", "q3"])
        #expect(try F.idSet("speaker:kcna") == ["q6"])
        #expect(try F.idSet("speaker:kim talks") == [])  // Kim Myong Gil never says talks; q9 has no speaker
        #expect(try F.idSet("kind:group") == ["q7"])
        #expect(try F.idSet("kind:organization") == ["q6"])
        #expect(try F.idSet("kind:country") == ["q8"])
        #expect(try F.idSet("kind:person talks") == ["q3", "q10"])
        #expect(try F.idSet("kind:person -speaker:trump") == ["q1", "q2", "q3"])
        #expect(try F.idSet("speaker:ortagus after:2019-10-01") == ["q1", "q3"])
        #expect(try F.idSet("speaker:trump before:2019-01-01") == [])
    }

    @Test func pillarFilters() throws {
        #expect(try F.idSet("pillar:denuclearization") == ["q6", "q7"])
        #expect(try F.idSet("pillar:denuclearize") == ["q6", "q7"])
        #expect(try F.idSet("pillar:3") == ["q6", "q7"])
        #expect(try F.idSet("pillar:peace") == ["q8"])
        #expect(try F.idSet("pillar:2") == ["q8"])
        #expect(try F.idSet("pillar:remains") == [])
    }

    @Test func eventFilters() throws {
        #expect(try F.idSet("event:hanoi") == ["q4", "q5", "q10"])
        #expect(try F.idSet("event:stockholm") == ["q1", "q2", "q3"])
        #expect(try F.idSet("event:summit") == ["q4", "q5", "q10"])
        #expect(try F.idSet("event:hanoi-summit") == ["q4", "q5", "q10"])
        #expect(try F.idSet("event:hanoi sanctions") == ["q5"])
    }

    @Test func dateFilters() throws {
        #expect(try F.idSet("after:2019-06-01") == ["q1", "q2", "q3", "q6", "q7", "q9"])
        #expect(try F.idSet("before:2019-06-01") == ["q4", "q5", "q10"])
        #expect(try F.idSet("after:2019-07-01 before:2019-10-05") == ["q6", "q7", "q9"])  // after inclusive, before exclusive
        #expect(try F.idSet("after:2019-07") == ["q1", "q2", "q3", "q6", "q7", "q9"])
        #expect(try F.idSet("after:2020") == [])
        let results = try F.index.search("after:2019-01-01")
        #expect(!results.hits.contains { $0.quote.id == "q8" })  // undated article
        #expect(results.notices.contains { $0.contains("undated") })
    }

    @Test func articleFilters() throws {
        #expect(try F.idSet("article:a3") == ["q6", "q7", "q9"])
        #expect(try F.idSet("article:A3") == ["q6", "q7", "q9"])
        #expect(try F.idSet("article:hanoi") == ["q4", "q5", "q10"])  // title words
        #expect(try F.idSet("article:\"talks resume\" ideas") == ["q1"])
    }

    @Test func filtersThatNameNothingSaySo() throws {
        let r = try F.index.search("speaker:nobody talks")
        #expect(r.total == 0)
        #expect(r.notices.contains { $0.contains("speaker") && $0.contains("nobody") })
        #expect(try F.index.search("event:geneva").notices.count == 1)
        #expect(try F.index.search("pillar:9").notices.first?.contains("item 9") == true)
        #expect(try F.index.search("talks").notices.isEmpty)
    }

    @Test func malformedQueriesThrowInsteadOfReturningNothing() {
        #expect(throws: QueryError.unclosedPhrase(column: 7)) { try F.index.search("talks \"peace") }
        #expect(throws: QueryError.unknownFilter(name: "speeker", column: 1)) { try F.index.search("speeker:trump") }
        #expect(throws: QueryError.badDate(filter: "after", value: "2019-02-30", column: 1)) {
            try F.index.search("after:2019-02-30")
        }
    }

    @Test func ranksByRelevanceThenNewestFirst() throws {
        // q9 holds the stem twice in a short quote; the others once.
        #expect(try F.ids("talk").first == "q9")
        // Rarer words weigh more: "dprk" is in two quotes, "talks" in four.
        let both = try F.index.search("talks OR dprk")
        #expect(both.hits.first?.quote.id == "q6")  // the only quote with both
        // Filters only: every score is 0, so newest first, undated last, then corpus order.
        #expect(try F.ids("pillar:2 OR pillar:3 OR speaker:ortagus") == ["q1", "q3", "q6", "q7", "q8"])
        #expect(try F.ids("") == ["q1", "q2", "q3", "q6", "q7", "q9", "q4", "q5", "q10", "q8"])
    }

    @Test func bm25PrefersMoreOccurrencesAndShorterQuotes() {
        let a = Article(id: "x", path: "x", title: "x", date: Day(iso: "2019-01-01"), paragraphs: [])
        let qs = [
            F.quote(1, "x", 0, nil, "sanctions relief now, sanctions relief later, no relief for anyone at all today"),
            F.quote(2, "x", 1, nil, "sanctions relief must come first before any other step is taken by anyone today"),
            F.quote(3, "x", 2, nil, "relief"),
            F.quote(4, "x", 3, nil, "we will talk about many things, and relief may be one of those many things later"),
        ]
        let index = QuoteIndex(corpus: Corpus(articles: [a], quotes: qs))
        let hits = index.search(SearchQuery(root: .word("relief")), limit: nil).hits
        #expect(hits.map(\.quote.id) == ["q1", "q3", "q2", "q4"] || hits.map(\.quote.id) == ["q3", "q1", "q2", "q4"])
        #expect(hits[2].score > hits[3].score)  // same count, q2 is not longer than q4
        #expect(hits.allSatisfy { $0.score > 0 })
    }

    @Test func limitKeepsTheBestAndCountsAll() throws {
        let full = try F.ids("-zzz")
        for limit in [0, 1, 2, 3, 9, 20] {
            let r = try F.index.search("-zzz", limit: limit)
            #expect(r.total == 10)
            #expect(r.hits.map(\.quote.id) == Array(full.prefix(limit)))
        }
        let ranked = try F.ids("talk OR dprk OR kim")
        let top = try F.index.search("talk OR dprk OR kim", limit: 2).hits.map(\.quote.id)
        #expect(top == Array(ranked.prefix(2)))
    }

    @Test func hitsCarryMatchRanges() throws {
        func marked(_ q: String, _ id: String) throws -> [String] {
            let hit = try #require(try F.index.search(q).hits.first { $0.quote.id == id })
            return hit.stringRanges.map { String(hit.quote.text[$0]) }
        }
        #expect(try marked("talks", "q9") == ["talking", "talk"])
        #expect(try marked("regime", "q9") == ["r\u{E9}gime"])
        #expect(try marked("\"creative ideas\" dprk", "q1") == ["creative ideas", "DPRK"])
        #expect(try marked("denuc*", "q10") == ["denuclearization"])
        #expect(try marked("talks -stockholm", "q10") == ["talked"])
        #expect(try marked("speaker:ortagus", "q3") == [])
        #expect(try marked("Sweden's", "q3") == ["Sweden\u{2019}s"])
        let hit = try #require(try F.index.search("sanctions").hits.first)
        #expect(hit.matches == [16..<25])  // scalar offsets into the quote text
        #expect(hit.speakerName == "Donald Trump")
        #expect(hit.date == Day(iso: "2019-02-28"))
    }

    @Test func addingArticlesMatchesAFreshIndex() throws {
        let early = F.articles.filter { $0.id != "a3" }
        let before = Corpus(
            articles: early, speakers: F.speakers, quotes: F.quotes.filter { $0.article != "a3" },
            agendas: [F.agenda], events: F.events)
        var index = QuoteIndex(corpus: before)
        #expect(index.count == 7)
        #expect(try F.idSet("displeas*", in: index) == [])
        #expect(try F.idSet("article:a3", in: index) == [])
        index.add(articles: [F.articles[2]], corpus: F.corpus)
        #expect(index.count == 10)
        let queries = [
            "talks", "displeas*", "denuc*", "\"peace regime\"", "talks -stockholm", "walk OR sanctions",
            "speaker:kcna", "kind:group", "pillar:3", "event:hanoi", "after:2019-06-01", "article:a3", "",
        ]
        for q in queries {
            #expect(try F.ids(q, in: index) == F.ids(q), "\(q)")
        }
        index.add(articles: [F.articles[2]], corpus: F.corpus)  // adding again indexes nothing twice
        #expect(index.count == 10)
    }

    @Test func laterCorpusRefreshesMetadataOfIndexedQuotes() throws {
        var index = QuoteIndex(corpus: F.corpus)
        var changed = F.corpus
        changed.quotes[8].speaker = "kim-myong-gil"  // q9 attributed once more articles came in
        index.add(quotes: [], corpus: changed)
        #expect(try F.idSet("speaker:kim", in: index) == ["q2", "q9"])
    }
}

/// Limits and unranked matching on a corpus full of ties: the same few texts in articles sharing a few dates.
@Suite struct SearchRankingTests {
    static let dates: [Day?] = [Day(iso: "2019-02-28"), Day(iso: "2019-10-05"), nil, Day(iso: "2019-02-28")]
    static let texts = [
        "The talks resume next week.",
        "The talks resume next week.",
        "Talks on sanctions relief, and more talks.",
        "We want peace talks on the peninsula.",
        "The peninsula will see peace.",
        "Nothing more to say about the talks today, the delegates said.",
    ]
    static let articles = (0..<12).map { i in
        Article(id: "t\(i)", path: "t\(i).md", title: "Ties \(i)", date: dates[i % dates.count], paragraphs: [])
    }
    static let speakers = [
        Speaker(id: "envoy", name: "Special Envoy", kind: .person),
        Speaker(id: "ministry", name: "Foreign Ministry", kind: .organization),
    ]
    static let quotes = (0..<60).map { n in
        Quote(
            id: "r\(n)", article: "t\(n % 12)", paragraph: n / 12, start: 0, end: 10, text: texts[n % texts.count],
            speaker: n % 5 == 0 ? nil : speakers[n % 2].id)
    }
    static let index = QuoteIndex(
        corpus: Corpus(articles: articles, speakers: speakers, quotes: quotes, agendas: [], events: []))
    static let queries = [
        "the", "talks", "peace", "\"peace talks\"", "tal*", "talks OR peninsula", "talks -sanctions",
        "speaker:envoy", "kind:organization", "after:2019-03-01", "-zzz", "", "absent",
    ]

    @Test func aLimitGivesTheFirstHitsOfTheFullRankingTiesIncluded() throws {
        for q in Self.queries {
            let full = try Self.index.search(q)
            for limit in [0, 1, 2, 3, 5, 7, 10, 14, 15, 16, 30, 59, 60, 61] {
                let cut = try Self.index.search(q, limit: limit)
                #expect(cut.total == full.total, "\(q) \(limit)")
                #expect(cut.hits == Array(full.hits.prefix(limit)), "\(q) limit \(limit)")
            }
        }
    }

    @Test func fullRankingIsByScoreThenNewestDateThenCorpusOrder() throws {
        for q in Self.queries {
            let hits = try Self.index.search(q).hits
            for (a, b) in zip(hits, hits.dropFirst()) {
                let da = a.date?.ordinal ?? Int.min
                let db = b.date?.ordinal ?? Int.min
                let na = Int(a.quote.id.dropFirst()) ?? 0
                let nb = Int(b.quote.id.dropFirst()) ?? 0
                #expect(a.score > b.score || (a.score == b.score && (da > db || (da == db && na < nb))), "\(q)")
            }
        }
    }

    @Test func matchingQuotesIsTheSetOfHitsInIndexOrder() throws {
        for q in Self.queries {
            let hits = try Self.index.search(q).hits
            let numbers = hits.compactMap { h in Self.index.quotes.firstIndex { $0.id == h.quote.id } }.sorted()
            #expect(Self.index.matchingQuotes(try SearchQuery(q)) == numbers, "\(q)")
        }
        #expect(Self.index.matchingQuotes(try SearchQuery("absent")).isEmpty)
    }

    @Test func aCommonWordAloneStillMatchesAndRanks() throws {
        let hits = try Self.index.search("the").hits
        // Texts 0, 1, 3, 4 and 5 hold "the"; text 2 does not.
        #expect(hits.count == 50)
        #expect(!hits.contains { $0.quote.text.hasPrefix("Talks on sanctions") })
        #expect(hits.allSatisfy { $0.score > 0 })
        // BM25 as for any word: twice in a long quote beats once in a short one, and the longer quote with it
        // once comes last; ties are newest first.
        #expect(hits.first?.quote.text == Self.texts[5])
        #expect(hits.last?.quote.text == Self.texts[3])
        #expect(hits.first?.date == Day(iso: "2019-10-05"))
        #expect(try SearchFixture.idSet("the") == ["q1", "q2", "q5", "q6", "q8", "q9"])
    }
}

@Suite struct SearchIndexFlatListTests {
    @Test func eachQuotesListsAndEachNamesQuotesReadBack() throws {
        func quote(_ n: Int, _ speaker: String?, _ pillars: [String], _ events: [String]) -> Quote {
            Quote(
                id: "a#q\(n)", article: n < 4 ? "a" : "b", paragraph: 0, start: 0, end: 5, text: "talks \(n)",
                speaker: speaker, pillars: pillars, events: events)
        }
        // Runs of equal lists (q1–q2, q3–q4), a list repeated after a gap (q5), an empty list, a repeated name.
        let quotes = [
            quote(1, "kim", ["peace"], ["e1"]), quote(2, nil, ["peace"], ["e1"]), quote(3, "kim", ["peace"], ["e2"]),
            quote(4, "moon", [], ["e2"]), quote(5, "kim", ["peace", "remains"], ["e1", "e1"]),
        ]
        let articles = ["a", "b"].map {
            Article(id: $0, path: $0 + ".txt", title: $0, paragraphs: [Paragraph(text: "talks", line: 1)])
        }
        let index = QuoteIndex(corpus: Corpus(articles: articles, quotes: quotes))
        func names(_ list: ArraySlice<Int32>) -> [String] { list.map { index.names[Int($0)] } }
        #expect(index.docPillars.count == 5 && index.docEvents.count == 5)
        #expect((0..<5).map { names(index.docEvents[$0]) } == quotes.map(\.events))
        #expect((0..<5).map { names(index.docPillars[$0]) } == quotes.map(\.pillars))
        func docs(_ table: FlatLists, _ name: String) throws -> [Int32] {
            Array(table[Int(try #require(index.nameIDs[name]))])
        }
        // Each name's quotes, ascending and distinct (q5 names e1 twice).
        #expect(try docs(index.speakerDocs, "kim") == [0, 2, 4])
        #expect(try docs(index.speakerDocs, "moon") == [3])
        #expect(try docs(index.articleDocs, "a") == [0, 1, 2])
        #expect(try docs(index.articleDocs, "b") == [3, 4])
        #expect(try docs(index.pillarDocs, "peace") == [0, 1, 2, 4])
        #expect(try docs(index.pillarDocs, "remains") == [4])
        #expect(try docs(index.eventDocs, "e1") == [0, 1, 4])
        #expect(try docs(index.eventDocs, "e2") == [2, 3])
        // A name of one kind has no list in another's table.
        #expect(try docs(index.eventDocs, "kim") == [])
    }

    @Test func flatListsAppendRepeatAndInvert() {
        var lists = FlatLists()
        #expect(lists[0].isEmpty && lists[-1].isEmpty)
        lists.repeatLast()  // no list yet: an empty one
        lists.append([3, 1])
        lists.repeatLast()
        lists.append([])
        lists.repeatLast()
        #expect((0..<lists.count).map { Array(lists[$0]) } == [[], [3, 1], [3, 1], [], []])
        let inverse = FlatLists.inverting(keys: 5, lists: lists.count) { i, emit in lists[i].forEach(emit) }
        #expect((0..<inverse.count).map { Array(inverse[$0]) } == [[], [1, 2], [], [1, 2], []])
        // Numbers out of range are left out rather than trapping.
        let guarded = FlatLists.inverting(keys: 2, lists: 2) { i, emit in
            emit(-1)
            emit(Int32(i))
            emit(7)
        }
        #expect((0..<guarded.count).map { Array(guarded[$0]) } == [[0], [1]])
    }
}

@Suite struct SearchIndexTermTokenTests {
    @Test func idsPastSixteenBitsReadBackFromTheSideTable() {
        var tokens = TermTokens()
        let ids: [Int32] = [0, 65_534, 65_535, 70_000, 3, Int32.max, 65_535]
        for t in ids { tokens.append(t) }
        #expect(tokens.count == ids.count)
        #expect((0..<tokens.count).map { tokens[$0] } == ids)
    }

    /// A corpus with more than 65,535 distinct words: words interned after that find, rank and highlight as the
    /// first ones do, phrases included.
    @Test func aCorpusOfMoreThanSixteenBitsOfTermsSearchesTheLateTermsToo() throws {
        func word(_ n: Int) -> String {
            // Letters only ("w" + the number in letters a–j), so each is one word of its own.
            "w" + String(String(n).unicodeScalars.map { Character(UnicodeScalar($0.value + 49) ?? "a") })
        }
        let perQuote = 1_000
        var quotes: [Quote] = []
        for k in 0..<70 {
            let text = (k * perQuote..<(k + 1) * perQuote).map(word).joined(separator: " ")
            quotes.append(
                Quote(
                    id: "a#q\(k + 1)", article: "a", paragraph: 0, start: 0, end: text.unicodeScalars.count, text: text
                ))
        }
        let article = Article(id: "a", path: "a.txt", title: "A", paragraphs: [Paragraph(text: "x", line: 1)])
        let index = QuoteIndex(corpus: Corpus(articles: [article], quotes: quotes))
        #expect(index.termCount == 70_000)
        #expect(index.tokenTerm.count == 70_000)
        // Term 69,500 lives in quote 70 (number 69), at token 500 of it.
        let late = try index.search(word(69_500))
        #expect(late.hits.map(\.quote.id) == ["a#q70"])
        let phrase = try index.search("\"\(word(69_500)) \(word(69_501))\"")
        #expect(phrase.hits.map(\.quote.id) == ["a#q70"])
        let text = quotes[69].text
        let matched = try #require(phrase.hits.first?.matches.first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[matched])) == word(69_500) + " " + word(69_501))
        #expect(try index.search("\"\(word(69_501)) \(word(69_500))\"").hits.isEmpty)
        // An early term still found where it is (other quotes may hold words of the same stem: "wbaed" → "wba").
        #expect(try index.search(word(10)).hits.map(\.quote.id).contains("a#q1"))
    }
}
