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
}
