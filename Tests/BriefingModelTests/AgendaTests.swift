import Testing

@testable import BriefingModel

/// Agendas enumerated in the text, declared agendas, their unification and the tagging of passages.
@Suite struct AgendaTests {
    @Test func enumerationBecomesAnAgendaWhenTheNumberWordMatches() {
        let lex = ExtractionSupport.resources.lexicon
        let x = ArticleExtractor(lexicon: lex).extract(
            ExtractionSupport.article(
                "a", ["The three goals of the plan include: cleaner rivers, safer roads and cheaper housing."]))
        #expect(x.agendas.count == 1)
        #expect(x.agendas.first?.label == "three goals")
        #expect(x.agendas.first?.items.map(\.text) == ["cleaner rivers", "safer roads", "cheaper housing"])
        #expect(x.agendas.first?.paragraph == 0)
    }

    @Test func numberWordMismatchIsNoAgenda() {
        let x = ArticleExtractor(lexicon: ExtractionSupport.resources.lexicon).extract(
            ExtractionSupport.article(
                "a", ["The five goals of the plan include: cleaner rivers, safer roads and cheaper housing."]))
        #expect(x.agendas.isEmpty)
    }

    @Test func measuresAreNoAgenda() {
        let x = ArticleExtractor(lexicon: ExtractionSupport.resources.lexicon).extract(
            ExtractionSupport.article("a", ["They met three times last year: in April, in May and in September."]))
        #expect(x.agendas.isEmpty)
    }

    @Test func itemsSplitOnlyAsFarAsTheCountNeeds() {
        #expect(
            AgendaEnumeration.splitItems("trade and investment, peace, security and the return of remains", count: 4)
                == [
                    "trade and investment", "peace", "security", "the return of remains",
                ])
        #expect(AgendaEnumeration.splitItems("a, b, c, including d", count: 3) == ["a", "b", "c, including d"])
    }

    @Test func foundAndDeclaredAgendasMerge() {
        let declared = Agenda(
            id: "plan-2020", label: "three goals",
            items: [
                AgendaItem(id: "rivers", text: "clean the rivers", name: "rivers", keywords: ["river pollution"]),
                AgendaItem(id: "roads", text: "make roads safe", name: "roads", keywords: ["road safety"]),
                AgendaItem(id: "housing", text: "build cheaper housing", name: "housing", keywords: ["housing"]),
            ])
        let found = Agenda(
            id: "the-goals", label: "goals of the plan", article: "a", paragraph: 2,
            items: [
                AgendaItem(id: "g.1", text: "cleaner rivers"), AgendaItem(id: "g.2", text: "safer roads"),
                AgendaItem(id: "g.3", text: "cheaper housing"),
            ])
        var quotes = [
            Quote(id: "a#q1", article: "a", paragraph: 3, start: 0, end: 10, text: "The river pollution must end."),
            Quote(id: "a#q2", article: "a", paragraph: 3, start: 0, end: 10, text: "Nothing to do with it."),
        ]
        let article = ExtractionSupport.article(
            "a", ["Intro.", "More.", "The list.", "Housing costs are rising and the houses are old.", "Weather."])
        let agendas = AgendaBuilder.build(found: [found], declared: [declared], articles: [article], quotes: &quotes)
        #expect(agendas.count == 1)
        #expect(agendas.first?.id == "plan-2020")
        #expect(agendas.first?.article == "a")
        #expect(agendas.first?.paragraph == 2)
        #expect(agendas.first?.items.map(\.id) == ["rivers", "roads", "housing"])
        #expect(agendas.first?.items.map(\.text) == ["cleaner rivers", "safer roads", "cheaper housing"])
        #expect(quotes[0].pillars == ["rivers"])
        #expect(quotes[1].pillars.isEmpty)
        #expect(agendas.first?.items[2].passages.map(\.paragraph).contains(3) == true)
    }

    /// A recurring enumeration is one agenda with occurrences; another one read in between stays its own, even when
    /// it shares a label word or an item's name with the first.
    @Test func recurringFoundAgendasAreOccurrencesAndOthersStayApart() {
        func found(_ label: String, _ article: String, _ texts: [String], names: [String?] = []) -> Agenda {
            Agenda(
                id: label, label: label, article: article, paragraph: 1,
                items: texts.enumerated().map {
                    AgendaItem(
                        id: "\($0.offset)", text: $0.element,
                        name: names.indices.contains($0.offset) ? names[$0.offset] : nil)
                })
        }
        let pillars = ["new relations", "a lasting peace regime", "complete denuclearization"]
        let chores = ["wash the dishes", "sweep the floor", "feed the cat"]
        let agendas = AgendaBuilder.unify(
            found: [
                found("four pillars", "a", pillars), found("house chores", "b", chores),
                found("four pillars", "c", pillars), found("house rules", "d", chores, names: ["relations"]),
                found("four pillars", "e", pillars),
            ],
            declared: [])
        #expect(agendas.map(\.label) == ["four pillars", "house chores"])
        #expect(agendas.first?.occurrences.map(\.article) == ["c", "e"])
        #expect(agendas.last?.occurrences.map(\.article) == ["d"])

        // Merged with a declared agenda, an enumeration keeps the declared label: one read later under the same
        // label but with other items is another agenda.
        let declared = Agenda(
            id: "plan", label: "three goals",
            items: [
                AgendaItem(id: "rivers", text: "clean the rivers"), AgendaItem(id: "roads", text: "make roads safe"),
                AgendaItem(id: "housing", text: "build cheaper housing"),
            ])
        let merged = AgendaBuilder.unify(
            found: [
                found("goals of the plan", "a", ["cleaner rivers", "safer roads", "cheaper housing"]),
                found("goals of the plan", "b", chores),
            ],
            declared: [declared])
        #expect(merged.map(\.id) == ["plan", "goals of the plan"])
        #expect(merged.first?.occurrences.isEmpty == true)

        // Items without content words match nothing: only the labels tell such enumerations apart.
        let bare = ["it", "we", "us"]
        let labelled = AgendaBuilder.unify(found: [found("alpha", "a", bare), found("beta", "b", bare)], declared: [])
        #expect(labelled.map(\.label) == ["alpha", "beta"])
    }

    /// Items are compared on stem hashes: the same stems as the String path, hashed, on every kind of text.
    @Test func itemStemHashesAreTheItemStemsHashed() {
        let texts = [
            "Establish new U.S.-DPRK relations in accordance with the desire of the two peoples",
            "THE Complete Denuclearization of the Korean Peninsula; recovering POW/MIA remains",
            "work on peace-building/ and talks- at Panmunjom, 2019–2020 — “four pillars” of it", "an ox is at ease",
            "Nations’ Leaders’ summitries: organizations organizing organized", "naïve élite négociations",
            "Der Gipfel in Hanoi endete ohne Einigung über Sanktionen", "", "  --  ",
        ]
        func reference(_ a: AgendaItem) -> Set<UInt64> {
            let stems = AgendaBuilder.contentStems(a.text)
                .union(a.keywords.flatMap { AgendaText.words($0).map(AgendaText.stem) })
                .union(a.name.map { AgendaText.words($0).map(AgendaText.stem) } ?? [])
            return Set(stems.map { TokenHash.hash($0) })
        }
        for text in texts {
            let hashed = Set(AgendaBuilder.contentStems(text).map { TokenHash.hash($0) })
            #expect(AgendaBuilder.contentStemHashes(text) == hashed, "\(text)")
            if let ascii = AgendaText.asciiContentStemHashes(text) { #expect(ascii == hashed, "\(text)") }
            let item = AgendaItem(
                id: "i", text: text, name: "Peace Regime", keywords: ["repatriations", "the POW/MIA"])
            #expect(AgendaBuilder.itemStemHashes(item) == reference(item), "\(text)")
        }
        #expect(AgendaText.asciiContentStemHashes(texts[0]) != nil)
        #expect(AgendaText.asciiContentStemHashes(texts[2]) != nil)
        #expect(AgendaText.asciiContentStemHashes(texts[5]) == nil)
    }

    @Test func keywordsMatchInflections() {
        let item = AgendaItem(
            id: "d", text: "complete denuclearization", keywords: ["denuclearization", "repatriation"])
        let m = ItemMatcher(item: item, df: [:], rareLimit: 1)
        for text in ["They refuse to denuclearize.", "Denuclearizing will take years.", "Remains were repatriated."] {
            #expect(m.matches(AgendaText.stemHashes(text)), "\(text)")
        }
        #expect(!m.matches(AgendaText.stemHashes("The weather was fine.")))
    }

    @Test func stemHashesAgreeWithWordsAndStems() {
        for text in ["Denuclearization, U.S.-DPRK relations; POW/MIA remains — Café déjà-vu!", "repatriated 55 boxes"] {
            #expect(
                AgendaText.stemHashes(text) == AgendaText.words(text).map(AgendaText.stem).map { TokenHash.hash($0) })
        }
    }

    @Test func wordKeyEqualsJoinedWords() {
        let texts = [
            "Four Pillars", "  maximum   pressure ", "U.S.-DPRK relations/", "POW/MIA -- remains", "a-/b//c-", "",
            "--", "x", "Café déjà-vu!", "İstanbul talks", "one two three four five", "R2-D2/c3po", "end-",
            "the North’s “maximum pressure”—talks…", "x\u{2010}y – z-\u{2019}", "\u{201C}\u{201D}", "a\u{2070}b",
        ]
        for t in texts {
            let words = AgendaText.words(t)
            let got = AgendaText.wordKey(t)
            #expect(got.key == words.joined(separator: " "), "\(t)")
            #expect(got.words == words.count, "\(t)")
        }
    }

    @Test func stemHashesMatchTheStringPathOnLongerText() {
        let text = """
            Denuclearizations organized; the summits ended. Negotiating, negotiated, negotiates: ties normalized \
            via liaisons. Parties agreed—“Tiesies” / ADVISORIES-- ÉTATS-UNIS ratés 2019-02-28 /x- izes ize ing s
            """
        #expect(
            AgendaText.stemHashes(text) == AgendaText.words(text).map(AgendaText.stem).map { TokenHash.hash($0) })
        var reused: [UInt64] = [1, 2, 3]
        AgendaText.stemHashes(text, into: &reused)
        #expect(reused == AgendaText.stemHashes(text))
    }

    @Test func sampleCorpusDeclaresTheFourPillars() {
        let a = ExtractionSupport.resources.declaredAgendas.first { $0.id == "singapore-2018" }
        #expect(a?.label == "four pillars")
        #expect(a?.items.map(\.id) == ["new-relations", "peace-regime", "denuclearization", "remains"])
        #expect(a?.aliases.contains("Singapore joint statement") == true)
    }

    @Test func enumeratedPillarsMergeWithTheDeclaredAgenda() {
        let c = ExtractionSupport.corpus(
            "Those “four pillars” of the talks include: the initiation of new relations between the two countries, a peace regime on the Korean peninsula, North Korean commitment to denuclearization and the recovery of U.S. POW/MIA personnel remains in North Korea.",
            "Laura Chen said the North must “denuclearize fully before anything else.”")
        let a = c.agendas.first { $0.id == "singapore-2018" }
        #expect(a?.article == "a1")
        #expect(a?.paragraph == 0)
        #expect(a?.items.count == 4)
        #expect(c.quotes.first?.pillars == ["denuclearization"])
        #expect(c.terms.map(\.text) == ["four pillars"])
    }

    /// Passages as tagging finds them (phrases matched as each paragraph is read, content words counted from the
    /// tokens it keeps, those of stems already too common dropped) against every paragraph matched in full by
    /// `ItemMatcher` on the document frequencies of the whole corpus: a common word that becomes common halfway,
    /// a word at exactly the limit, phrases of stopwords and of common words.
    @Test func taggedPassagesAreThoseEachItemMatchesOnTheWholeCorpus() {
        let items = [
            AgendaItem(
                id: "peace", text: "a lasting peace regime on the Korean Peninsula",
                keywords: ["peace treaty", "end of the war"]),
            AgendaItem(
                id: "remains", text: "recover the remains of soldiers", keywords: ["the remains", "missing in action"]),
            AgendaItem(id: "sanctions", text: "relief from sanctions and embargoes", keywords: ["sanctions relief"]),
        ]
        let agenda = Agenda(id: "plan", label: "three aims", items: items)
        // 40 paragraphs: more than 4 (a tenth) is too common. "peninsula" is in the first 3 and then in every
        // other one; "sanctions" in 5; "embargoes" in exactly 4; "lasting" and "relief" in 2.
        var paragraphs: [String] = []
        for k in 0..<40 {
            var words: [String] = ["Talks went on in week \(k)."]
            if k < 3 || (k > 10 && k % 2 == 0) { words.append("The peninsula was calm.") }
            if [5, 17, 23, 31].contains(k) { words.append("New embargoes and sanctions were weighed.") }
            // The fourth paragraph with "embargoes" (its count reaches the limit there) is the one to match.
            if k == 31 { words.append("No relief came.") }
            if [7, 29].contains(k) { words.append("A lasting regime of calm on the peninsula.") }
            // Found by a phrase and by its words both: a passage once.
            if k == 7 { words.append("A peace treaty was floated.") }
            if [2, 12].contains(k) { words.append("They spoke of the remains.") }
            if k == 20 { words.append("The end of the war was near.") }
            if k == 33 { words.append("Some were missing in action, others were lost in action.") }
            if k == 38 { words.append("Sanctions relief came up.") }
            paragraphs.append(words.joined(separator: " "))
        }
        let articles = [
            ExtractionSupport.article("a", Array(paragraphs[0..<25])),
            ExtractionSupport.article("b", Array(paragraphs[25...])),
        ]
        var agendas = [agenda]
        _ = AgendaBuilder.tag(&agendas, articles: articles, quoteTexts: [Substring]())

        let stems = paragraphs.map { AgendaText.stemHashes($0) }
        var df: [UInt64: Int] = [:]
        for p in stems { for h in Set(p) { df[h, default: 0] += 1 } }
        let limit = max(1, paragraphs.count / 10)
        for (k, item) in items.enumerated() {
            let matcher = ItemMatcher(item: item, df: df, rareLimit: limit)
            let expected = stems.indices.filter { matcher.matches(stems[$0]) }
            let found = agendas[0].items[k].passages.map { ($0.article == "a" ? 0 : 25) + $0.paragraph }
            #expect(found == expected, "\(item.id)")
        }
        // The cases above are there: a phrase of stopwords, and a pair of content words one of which is at the limit.
        #expect(agendas[0].items[1].passages.count == 3)
        #expect(agendas[0].items[0].passages.map(\.paragraph) == [7, 20, 4])
        #expect(agendas[0].items[2].passages.map(\.paragraph) == [6, 13])
    }
}
