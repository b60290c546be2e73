import Testing

@testable import BriefingModel

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter(
        neverFinal: ["mr", "gen", "feb", "oct", "dr"], mayEndSentence: ["u.s", "a.m", "d.c"],
        sentenceStarters: ["the", "he", "she", "but", "it"])

    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return splitter.split(text).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    /// The next terminal mark, found eight scalars at a time, is the first one a scalar-by-scalar reading finds.
    @Test func nextTerminalMarkIsTheFirstOneFrom() {
        let texts = ExtractionSupport.textsWithMarks(
            "Envoys met in Hanoi, talked for hours, and left without a deal or a date to meet",
            marks: [".", "!", "?", "…", "’"])
        for s in texts {
            s.withUnsafeBufferPointer { b in
                for from in 0...s.count {
                    let expected = s.indices.first { $0 >= from && ".!?…".unicodeScalars.contains(s[$0]) } ?? s.count
                    #expect(SentenceSplitter.nextTerminal(b, from: from) == expected)
                }
            }
        }
    }

    @Test func splitsPlainSentences() {
        #expect(sentences("One here. Two there! Three? Four") == ["One here.", "Two there!", "Three?", "Four"])
    }

    @Test func keepsAbbreviationsInitialsAndNumbers() {
        #expect(sentences("Mr. Kim met Gen. Vincent Brooks on Feb. 28 at 3.5 p.m. local time.").count == 1)
        #expect(sentences("Donald J. Trump spoke. He left.") == ["Donald J. Trump spoke.", "He left."])
        #expect(sentences("talks with the U.S. according to the AP.").count == 1)
        #expect(
            sentences("It met U.S. Navy ships. The talks ended.") == ["It met U.S. Navy ships.", "The talks ended."])
        #expect(
            sentences("He flew to Washington, D.C. The talks ended.") == [
                "He flew to Washington, D.C.", "The talks ended.",
            ])
    }

    @Test func endsInsideClosingQuotationMarks() {
        #expect(
            sentences("Kim said it “broke down. I am displeased.” The U.S. disagreed.") == [
                "Kim said it “broke down.", "I am displeased.”", "The U.S. disagreed.",
            ])
        #expect(sentences("“Why?” he asked. “Because,” she said.") == ["“Why?” he asked.", "“Because,” she said."])
    }

    @Test func reportsScalarOffsets() {
        let text = "Café opens. Next one."
        let ranges = splitter.split(text)
        #expect(ranges == [0..<11, 12..<21])
    }
}
