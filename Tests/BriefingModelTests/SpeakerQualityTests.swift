import Testing

@testable import BriefingModel

/// What an analyst sees in the speakers list: proper names, one speaker per person, no places or bare nouns.
@Suite struct SpeakerQualityTests {
    private func names(_ c: Corpus) -> [String] { c.speakers.map(\.name) }

    @Test func roleStandInNeverNamesAPerson() {
        let c = ExtractionSupport.corpus([
            [
                "The Freedonian chief negotiator made a public appeal on Monday.",
                "Tom Vale, the former chief negotiator who now deals with Freedonia, said the offer was “an insult.”",
            ]
        ])
        let vale = c.speakers.first { $0.aliases.contains("Vale") || $0.name == "Tom Vale" }
        #expect(vale?.name == "Tom Vale")
        #expect(!(vale?.aliases.contains { $0.hasPrefix("the ") } ?? true))
        #expect(c.quotes.first.flatMap { ExtractionSupport.speakerName($0, in: c) } == "Tom Vale")
    }

    @Test func standInResolvedInTheCorpusLeavesNoSpeakerOfItsOwn() {
        let role = "Freedonian vice foreign minister"
        let merged = SpeakerMerger.merge([
            ArticleExtraction(
                article: "x",
                speakers: [
                    Speaker(
                        id: "x#s1", name: "Lee Ho", kind: .person, role: role,
                        mentions: [Mention(article: "x", paragraph: 0)]),
                    Speaker(
                        id: "x#s2", name: "the " + role, kind: .person, role: role,
                        mentions: [Mention(article: "x", paragraph: 1)]),
                ],
                quotes: [Quote(id: "x#q1", article: "x", paragraph: 1, start: 0, end: 1, text: "x", speaker: "x#s2")])
        ])
        #expect(merged.speakers.map(\.name) == ["Lee Ho"])
        #expect(merged.quotes.first?.speaker == "lee-ho")
    }

    @Test func roleWordsOfAComplementTieNoStandIn() {
        let merged = SpeakerMerger.merge([
            ArticleExtraction(
                article: "x",
                speakers: [
                    Speaker(
                        id: "x#s1", name: "Lee Ho", kind: .person,
                        role: "former chief negotiator who now deals with Freedonia",
                        mentions: [Mention(article: "x", paragraph: 0)]),
                    Speaker(
                        id: "x#s2", name: "the Freedonia chief negotiator", kind: .person,
                        role: "Freedonia chief negotiator", mentions: [Mention(article: "x", paragraph: 1)]),
                ])
        ])
        #expect(merged.speakers.map(\.name) == ["Lee Ho", "the Freedonia chief negotiator"])
    }

    @Test func fullNameInsideALongerFullNameIsOnePerson() {
        let c = ExtractionSupport.corpus([
            ["Press secretary Jane Marie Holt said the trip was “on schedule.”"],
            ["Press secretary Jane Holt said the trip was “delayed.”"],
        ])
        let holts = names(c).filter { $0.contains("Holt") }
        #expect(holts == ["Jane Marie Holt"])
    }

    @Test func bareSurnameJoinsTheOneFullNameOfItsArticle() {
        // Another Vale elsewhere in the corpus makes the surname ambiguous corpus-wide, not in its own article.
        func person(_ id: String, _ name: String, _ article: String) -> Speaker {
            Speaker(id: id, name: name, kind: .person, mentions: [Mention(article: article, paragraph: 0)])
        }
        let merged = SpeakerMerger.merge([
            ArticleExtraction(
                article: "x", speakers: [person("x#s1", "Tom Vale", "x"), person("x#s2", "Vale", "x")],
                quotes: [Quote(id: "x#q1", article: "x", paragraph: 0, start: 0, end: 1, text: "x", speaker: "x#s2")]),
            ArticleExtraction(article: "y", speakers: [person("y#s1", "Ann Vale", "y")]),
        ])
        #expect(merged.speakers.map(\.name) == ["Tom Vale", "Ann Vale"])
        #expect(merged.quotes.first?.speaker == "tom-vale")
    }

    @Test func sentenceInitialAdverbIsNoPartOfAName() {
        let c = ExtractionSupport.corpus([
            ["Tom Vale arrived at noon.", "Afterward Vale told reporters the talks were “going well.”"]
        ])
        #expect(!names(c).contains { $0.hasPrefix("Afterward") })
        #expect(c.quotes.first.flatMap { ExtractionSupport.speakerName($0, in: c) } == "Tom Vale")
    }

    @Test func datelineIsNoName() {
        let c = ExtractionSupport.corpus([
            ["CAMP STONE RIVER-BASE, Freedonia — Tom Vale said on Monday the deal was “close.”"]
        ])
        #expect(!names(c).contains { $0.uppercased() == $0 })
        #expect(names(c).contains("Tom Vale"))
    }

    @Test func placesAndThingsAreNoPeople() {
        let c = ExtractionSupport.corpus([
            [
                "The leaders walked to the Granite Hall, a building near the border, and later met at Villa Rosa Marina.",
                "They agreed to resume Red Cross talks.",
                "Tom Vale said the Freedonians had sent new signals.",
            ]
        ])
        let people = c.speakers.filter { $0.kind == .person }.map(\.name)
        #expect(people == ["Tom Vale"])
    }

    @Test func capitalizedPluralAtSentenceStartIsAGroupNotAPerson() {
        let c = ExtractionSupport.corpus([["Skeptics noted that earlier accords came apart within months."]])
        #expect(!c.speakers.contains { $0.kind == .person })
    }

    @Test func introducedStandInIsNoSpeakerAndNoPairMember() {
        let c = ExtractionSupport.corpus([
            [
                "No president had ever met a leader of Freedonia before Tom Vale met Ann Rook.",
                "The two leaders shook hands.",
            ]
        ])
        #expect(!names(c).contains("leader"))
        #expect(!names(c).contains { $0.contains("and leader") })
    }

    @Test func possessivePluralStaysInsideAnOrganizationName() {
        let c = ExtractionSupport.corpus([["The ruling Farmers’ Party said the plan was “a betrayal of the nation.”"]])
        #expect(names(c).contains("Farmers' Party") || names(c).contains("Farmers’ Party"))
        #expect(!names(c).contains("Party"))
    }

    @Test func bareGroupsAreSpeakersOnlyWhenQuoted() {
        let c = ExtractionSupport.corpus([
            ["Aides and researchers met on Monday.", "Officials said the plan was “not yet final.”"]
        ])
        let groups = c.speakers.filter { $0.kind == .group }.map { $0.name.lowercased() }
        #expect(groups == ["officials"])
    }
}
