import Testing

@testable import BriefingModel

/// One attribution form per row: the paragraphs, then every quote expected with its speaker and cue.
@Suite struct AttributionTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var paragraphs: [String]
        var expected: [(String, String?, String?)]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "quote then name and verb", paragraphs: ["“The plan is ready,” Alan Brooks said."],
            expected: [("The plan is ready,", "Alan Brooks", "said")]),
        Case(
            name: "inverted said X", paragraphs: ["“The plan is ready,” said Alan Brooks, the chief negotiator."],
            expected: [("The plan is ready,", "Alan Brooks", "said")]),
        Case(
            name: "partial quote after the verb",
            paragraphs: ["Alan Brooks said on Monday that the plan was “nearly ready” and would be sent soon."],
            expected: [("nearly ready", "Alan Brooks", "said")]),
        Case(
            name: "colon lead-in", paragraphs: ["Alan Brooks told reporters: “The plan is ready. We leave tomorrow.”"],
            expected: [("The plan is ready. We leave tomorrow.", "Alan Brooks", "told")]),
        Case(
            name: "according to",
            paragraphs: ["The plan was “nearly ready for signature,” according to the Associated Press."],
            expected: [("nearly ready for signature,", "Associated Press", "according to")]),
        Case(
            name: "split quote", paragraphs: ["“The plan,” Alan Brooks said, “is ready to be signed.”"],
            expected: [("The plan,", "Alan Brooks", "said"), ("is ready to be signed.", "Alan Brooks", "said")]),
        Case(
            name: "participle saying: the clause subject",
            paragraphs: [
                "Canadian officials rejected the offer on Monday, saying the United States had “moved the goalposts.”"
            ],
            expected: [("moved the goalposts.", "Canadian officials", "saying")]),
        Case(
            name: "multi-sentence quote",
            paragraphs: ["Alan Brooks said the talks had “failed. We are going home now.”"],
            expected: [("failed. We are going home now.", "Alan Brooks", "said")]),
        Case(
            name: "title before the name",
            paragraphs: ["Foreign Minister Laura Chen said the budget was “balanced at last.”"],
            expected: [("balanced at last.", "Laura Chen", "said")]),
        Case(
            name: "parenthetical speaker",
            paragraphs: ["Alan Brooks met the press.", "The delay, he said, was “entirely avoidable.”"],
            expected: [("entirely avoidable.", "Alan Brooks", "said")]),
        Case(
            name: "relative clause subject",
            paragraphs: ["The memo was signed by Laura Chen, who had called the offer “a trap for the unwary.”"],
            expected: [("a trap for the unwary.", "Laura Chen", "called")]),
        Case(
            name: "attribution in the next short sentence",
            paragraphs: ["Alan Brooks left early. “Why stay?” he asked."],
            expected: [("Why stay?", "Alan Brooks", "asked")]),
        Case(
            name: "standalone quote continues the speaker before it",
            paragraphs: ["“We are ready,” Alan Brooks said. “The rest is up to them.”"],
            expected: [("We are ready,", "Alan Brooks", "said"), ("The rest is up to them.", "Alan Brooks", nil)]),
        Case(
            name: "no speaker is never guessed",
            paragraphs: [
                "Nobody could explain why the plan was “nearly ready one day and abandoned the next morning.”"
            ],
            expected: [("nearly ready one day and abandoned the next morning.", nil, nil)]),
        Case(
            name: "two speakers named together",
            paragraphs: ["Alan Brooks and Laura Chen announced “a new chapter for both countries.”"],
            expected: [("a new chapter for both countries.", "Alan Brooks and Laura Chen", "announced")]),
        Case(
            name: "colon at the end of the paragraph before",
            paragraphs: ["Laura Chen wrote:", "“The offer stands. It will not stand forever.”"],
            expected: [("The offer stands. It will not stand forever.", "Laura Chen", "wrote")]),
        Case(
            name: "apposition between name and verb",
            paragraphs: ["Rep. Laura Chen, a California Democrat, told reporters the plan was “dead on arrival.”"],
            expected: [("dead on arrival.", "Laura Chen", "told")]),
        Case(
            name: "a short span right next to a cue is quoted speech even without a speaker",
            paragraphs: ["The talks were “very productive,” according to a person familiar with them."],
            expected: [("very productive,", nil, "according to")]),
        Case(
            name: "a name after a preposition is no subject",
            paragraphs: ["Officials in Ottawa said privately that the summit was “a disappointment.”"],
            expected: [("a disappointment.", "Officials", "said")]),
        Case(
            name: "a clause after a conjunction-preposition has its subject",
            paragraphs: ["The launches came days after President Alan Brooks said he was in “no rush” at all."],
            expected: [("no rush", "Alan Brooks", "said")]),
        Case(
            name: "a parenthetical phrase between subject and verb is skipped",
            paragraphs: [
                "The Trade Ministry issued rules. The ministry, in a commentary published by Reuters, called them “fair.”"
            ],
            expected: [("fair.", "Trade Ministry", "called")]),
        Case(
            name: "a short quotation that is its whole sentence continues the speaker",
            paragraphs: ["“I am not worried,” Alan Brooks told reporters. “They're short-range.”"],
            expected: [("I am not worried,", "Alan Brooks", "told"), ("They're short-range.", "Alan Brooks", nil)]),
        Case(
            name: "anonymous source is its own speaker",
            paragraphs: ["“It is a mess,” one Republican aide said, speaking on condition of anonymity."],
            expected: [("It is a mess,", "Republican aide", "said")]),
        Case(
            name: "a statement from an organization",
            paragraphs: ["According to a statement from the Treasury Department, the measures “take effect today.”"],
            expected: [("take effect today.", "Treasury Department", "According to")]),
        Case(
            name: "the spokesman speaks for the organization named",
            paragraphs: [
                "On Sunday the Foreign Ministry issued a statement. The spokesman said talks were “sickening.”"
            ],
            expected: [("sickening.", "Foreign Ministry", "said")]),
        Case(
            name: "role with a complement before the appositive name",
            paragraphs: [
                "The special representative for trade, Alan Brooks, spoke first. He said the deal was “close.”"
            ],
            expected: [("close.", "Alan Brooks", "said")]),
        Case(
            name: "the two leaders: the two people named last, the latest first",
            paragraphs: ["Alan Brooks met Laura Chen.", "The two leaders said the meeting was “a fine start.”"],
            expected: [("a fine start.", "Laura Chen and Alan Brooks", "said")]),
        Case(
            name: "the words of a document go to its signers",
            paragraphs: [
                "Alan Brooks and Laura Chen signed a joint statement on Friday.",
                "The statement says both sides will “work toward lasting peace in the region.”",
            ],
            expected: [("work toward lasting peace in the region.", "Alan Brooks and Laura Chen", "says")]),
    ]

    @Test(arguments: cases)
    func attributes(_ c: Case) {
        let corpus = ExtractionSupport.corpus([c.paragraphs])
        let got = ExtractionSupport.quotes(corpus)
        #expect(got.count == c.expected.count, "\(c.name): \(got)")
        for (g, e) in zip(got, c.expected) {
            #expect(g.text == e.0, "\(c.name)")
            #expect(g.speaker == e.1, "\(c.name): \(g.text)")
            if let cue = e.2 { #expect(g.cue == cue, "\(c.name): \(g.text)") }
        }
    }

    @Test func quoteIdsAreUniqueAcrossTheCorpus() {
        let c = ExtractionSupport.corpus([
            ["“One two three four five,” Alan Brooks said."], ["“Six seven eight nine ten,” Laura Chen said."],
        ])
        #expect(Set(c.quotes.map(\.id)).count == 2)
    }
}

/// Who a surname, a role alone or a pronoun refers to.
@Suite struct AttributionCoreferenceTests {
    @Test func surnameResolvesToTheMostRecentFullName() {
        let c = ExtractionSupport.corpus(
            "President Lee Min Ho opened the talks.",
            "Later the envoy, Lee Jae Won, arrived from the capital.",
            "Lee said the meeting had “gone better than expected.”")
        #expect(ExtractionSupport.quotes(c).first?.speaker == "Lee Jae Won")
        let envoy = c.speakers.first { $0.name == "Lee Jae Won" }
        #expect(envoy?.aliases == ["Lee"])
        #expect(c.speakers.contains { $0.name == "Lee Min Ho" && $0.role == "President" })
    }

    @Test func titledSurnamePrefersTheHolderOfTheTitle() {
        let c = ExtractionSupport.corpus(
            "President Lee Min Ho opened the talks.", "The envoy, Lee Jae Won, arrived later.",
            "President Lee said the talks were “a fine start for everyone.”")
        #expect(ExtractionSupport.quotes(c).first?.speaker == "Lee Min Ho")
    }

    @Test func roleAloneResolvesToItsHolder() {
        let c = ExtractionSupport.corpus(
            "State Department spokeswoman Laura Chen spoke on Friday.",
            "The spokeswoman said the offer was “still open.”")
        #expect(ExtractionSupport.quotes(c).first?.speaker == "Laura Chen")
    }

    @Test func pronounsResolveToTheNearestFittingSubject() {
        let c = ExtractionSupport.corpus(
            "State Department spokeswoman Laura Chen said Brooks’s remarks were wrong. She said the talks were “productive.”",
            "Canadian officials disagreed. They said the talks were “a waste of everyone’s time.”",
            "Mr. Alan Brooks stayed silent. He later said the result was “disappointing.”")
        let q = ExtractionSupport.quotes(c)
        #expect(q.map(\.speaker) == ["Laura Chen", "Canadian officials", "Alan Brooks"])
    }

    @Test func possessivesCountAsMentions() {
        let c = ExtractionSupport.corpus(
            "Trade envoy Alan Brooks arrived.", "Nobody liked Brooks’s comments.", "Brooks said it was “fine.”")
        let brooks = c.speakers.first { $0.name == "Alan Brooks" }
        #expect(brooks?.mentions.map(\.paragraph) == [0, 1, 2])
    }

    @Test func unresolvedPronounKeepsANullSpeaker() {
        let c = ExtractionSupport.corpus("She said the plan was “going nowhere at all, and fast.”")
        #expect(c.quotes.count == 1)
        #expect(c.quotes.first?.speaker == nil)
    }
}
