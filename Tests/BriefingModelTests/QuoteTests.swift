import Testing

@testable import BriefingModel

/// Quotation spans: terms versus quotes, marks, paragraphs and offsets.
@Suite struct QuoteTests {
    @Test func scareQuotesAndTitlesAreTerms() {
        let c = ExtractionSupport.corpus(
            "Those “four pillars” of the deal remain unmet.",
            "The so-called “grand bargain” never came, and the phrase “new way” stuck.",
            "He read the “Declaration for Peace, Prosperity and Unification of the Peninsula” aloud.")
        #expect(c.quotes.isEmpty, "\(c.quotes.map(\.text))")
        #expect(
            c.terms.map(\.text) == [
                "four pillars", "grand bargain", "new way",
                "Declaration for Peace, Prosperity and Unification of the Peninsula",
            ])
        #expect(c.speakers.allSatisfy { $0.kind != .person })
    }

    @Test func shortSpanWithAReportingVerbIsAQuote() {
        let c = ExtractionSupport.corpus("Laura Chen said the two sides had “good discussions.”")
        #expect(c.quotes.map(\.text) == ["good discussions."])
        #expect(c.terms.isEmpty)
    }

    @Test func unbalancedMarkEndsWithItsParagraph() {
        let c = ExtractionSupport.corpus(
            "Alan Brooks said the plan was “ready to go and nobody would stop it.",
            "The next paragraph is plain reporting with no quotation at all.")
        #expect(c.quotes.count == 1)
        #expect(c.quotes.first?.paragraph == 0)
        #expect(c.quotes.first?.text == "ready to go and nobody would stop it.")
    }

    @Test func multiParagraphQuoteContinuesWhenTheNextParagraphOpensWithAMark() {
        let c = ExtractionSupport.corpus(
            "“We came with open minds,” Laura Chen said. “We offered a great deal.",
            "“We will come back in two weeks.”", "Nothing else was said.")
        let q = ExtractionSupport.quotes(c)
        #expect(
            q.map(\.text) == [
                "We came with open minds,", "We offered a great deal.", "We will come back in two weeks.",
            ])
        #expect(q.allSatisfy { $0.speaker == "Laura Chen" })
        #expect(c.quotes.map(\.paragraph) == [0, 0, 1])
    }

    @Test func nestedSingleQuotesStayInside() {
        let c = ExtractionSupport.corpus("Alan Brooks said: “They told us ‘never again’ and then did it again.”")
        #expect(c.quotes.map(\.text) == ["They told us ‘never again’ and then did it again."])
    }

    @Test func nestedQuoteTaggedWithItsSourceIsAQuoteToo() {
        let c = ExtractionSupport.corpus(
            "Alan Brooks posted a summary: “‘The plant will close by the end of the year.’ PBS. Good news for all!”")
        let q = ExtractionSupport.quotes(c)
        #expect(q.count == 2)
        #expect(q.contains { $0.text == "The plant will close by the end of the year." && $0.speaker == "PBS" })
        #expect(q.contains { $0.text.hasPrefix("‘The plant") && $0.speaker == "Alan Brooks" })
    }

    @Test func straightAndCurlyMarksMix() {
        let c = ExtractionSupport.corpus(
            "\"We are ready,\" Alan Brooks said, “and we will wait for them.\"",
            "Laura Chen said the offer was \"a serious one for everyone.”")
        #expect(c.quotes.map(\.text) == ["We are ready,", "and we will wait for them.", "a serious one for everyone."])
    }

    @Test func offsetsAreScalarOffsetsOfTheText() {
        let para = "Café owner José Ñúñez said the rent was “too high for anyone.” Then he left."
        let c = ExtractionSupport.corpus(para)
        let scalars = Array(para.unicodeScalars)
        for q in c.quotes {
            #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text)
        }
        for t in c.terms {
            #expect(String(String.UnicodeScalarView(scalars[t.start..<t.end])) == t.text)
        }
        #expect(c.quotes.count == 1)
    }
}
