import Foundation
import Testing

@testable import BriefingModel

/// The byte-level and piecewise paths taken for speed (a very long paragraph, lexicon loading) give what the
/// character-level and whole-text paths give.
struct LongTextPathTests {
    @Test func lexiconFilesParseAsCharacterByCharacter() throws {
        let folder = ExtractionSupport.packageRoot.appendingPathComponent("Data/lexicon").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
        #expect(names.count > 10)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let table = LexiconTable.parse(text, name: name, path: name)
            #expect(!table.rows.isEmpty)
            #expect(table == LexiconTable.parseCharacters(text, name: name))
        }
    }

    @Test(arguments: [
        "a | b # comment\n\n  # only a comment\nx|y |\n",
        "\tentry\u{00A0}|\u{2003}field\u{2003}| |\n|no entry\nlast",
        "café | naïve #\n#\u{301}odd\nkey|\u{301}mark\n",
        "crlf | a\r\nnext | b\r\n",
        "",
        "\n\n",
    ])
    func lexiconLinesFieldsAndCommentsAsCharacterByCharacter(text: String) {
        #expect(LexiconTable.parse(text, name: "t", path: "t") == LexiconTable.parseCharacters(text, name: "t"))
    }

    @Test func trimmingKeepsInnerSpaceAndDropsSpaceSeparators() {
        #expect(LexiconTable.trimmed(" \t a b \u{00A0}\u{3000}"[...]) == "a b")
        #expect(LexiconTable.trimmed("\u{2003}"[...]) == "")
        // U+200B is in `CharacterSet.whitespaces` though not a space separator; U+FEFF is in neither.
        #expect(LexiconTable.trimmed("\u{200B}word\u{200B}"[...]) == "word")
        #expect(LexiconTable.trimmed("\u{FEFF}word"[...]) == "\u{FEFF}word")
        for v: UInt32 in [0x09, 0x20, 0xA0, 0x1680, 0x2000, 0x200A, 0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x85] {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let field = "\(Character(scalar))x\(Character(scalar))"
            #expect(
                LexiconTable.trimmed(field[...]) == field.trimmingCharacters(in: .whitespaces),
                "U+\(String(v, radix: 16, uppercase: true))")
        }
        #expect(LexiconTable.trimmed("x\r"[...]) == "x\r")
    }

    @Test func infinitiveListsReadOnBytes() {
        #expect(
            AgendaEnumeration.infinitiveItems(
                "They pledged to establish new relations, to build a lasting peace, to work toward denuclearization, "
                    + "and to recover remains.")
                == [
                    "establish new relations", "build a lasting peace", "work toward denuclearization",
                    "recover remains",
                ])
        // A comma before a closing quotation mark separates too.
        #expect(
            AgendaEnumeration.infinitiveItems("They agreed to “build peace,” and to “recover remains.”")
                == ["“build peace”", "“recover remains.”"])
        #expect(
            AgendaEnumeration.infinitiveItems("They agreed to \"build peace,\" or to recover remains...")
                == ["\"build peace\"", "recover remains"])
        #expect(AgendaEnumeration.infinitiveItems("They went to Hanoi, then to Seoul.") == nil)
        #expect(AgendaEnumeration.infinitiveItems("No infinitive here, to speak of") == nil)
        #expect(AgendaEnumeration.infinitiveItems("Hope to meet, \u{00A0}to talk") == ["meet", "talk"])
        #expect(AgendaEnumeration.infinitiveItems("Hope to meet,\u{00A0}to talk") == nil)
    }

    /// The reading of parallel infinitives with Foundation's string search, as it was before it read bytes.
    static func foundationInfinitiveItems(_ sentence: String) -> [String]? {
        let text = sentence.replacingOccurrences(of: ",” ", with: "”, ").replacingOccurrences(of: ",\" ", with: "\", ")
        guard let first = text.range(of: " to ") else { return nil }
        var rest = String(text[first.upperBound...])
        while rest.hasSuffix(".") { rest.removeLast() }
        let parts = rest.components(separatedBy: ", ").map { part -> String in
            var t = part.trimmingCharacters(in: .whitespaces)
            for c in ["and ", "or "] where t.hasPrefix(c) { t = String(t.dropFirst(c.count)) }
            return t
        }
        guard parts.count >= 2, parts.dropFirst().allSatisfy({ $0.hasPrefix("to ") }) else { return nil }
        return [parts[0]] + parts.dropFirst().map { String($0.dropFirst(3)) }
    }

    @Test func infinitiveListsReadAsWithFoundation() throws {
        let load = CorpusLoader().load(paths: [
            ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path
        ])
        var texts = load.articles.flatMap { $0.paragraphs.map(\.text) }
        #expect(texts.count > 20)
        texts += [
            "They pledged to establish new relations, to build a lasting peace, and or to recover remains.",
            "Go to A, to B,” and to C,\" or to D.. ", "to, to ,to", " to , to x, to y,” to z", "x to y, to z.",
            // U+200B is white space to Foundation (`CharacterSet.whitespaces`), though not a space separator.
            "Hope to meet, \u{200B}to talk\u{200B}", "Hope to \u{200B}meet,\u{200B} to talk",
        ]
        for text in texts {
            #expect(AgendaEnumeration.infinitiveItems(text) == Self.foundationInfinitiveItems(text), "\(text)")
        }
        #expect(texts.contains { AgendaEnumeration.infinitiveItems($0) != nil })
    }

    @Test func isoDaysAreTheirDescriptions() throws {
        for (y, m, d) in [(2019, 10, 5), (1, 1, 1), (999, 12, 31), (9999, 2, 28), (2020, 2, 29)] {
            let day = try #require(Day(year: y, month: m, day: d))
            #expect(day.iso == day.description)
        }
        #expect(EventDate.day(Day(year: 2018, month: 6, day: 12)!).value == "2018-06-12")
        #expect(EventDate.month(2018, 6)?.value == "2018-06")
        #expect(EventDate.year(2018)?.value == "2018")
    }

    @Test func helpedLoopKeepsTheOrderOfItsPieces() {
        #expect(HelpedLoop.run(0) { $0 }.isEmpty)
        #expect(HelpedLoop.run(1) { $0 * 2 } == [0])
        #expect(HelpedLoop.run(50) { k in (0...k).reduce(0, +) } == (0..<50).map { k in (0...k).reduce(0, +) })
    }

    /// A long text of sample sentences, some with letters beyond ASCII and slashes or hyphens inside words.
    static let longText: String = {
        let sentences = [
            "The leaders agreed to work toward complete denuclearization of the Korean Peninsula.",
            "Négociations in Hanoi/Panmunjom resumed, the envoys said — “denuclearizing” was the word.",
            "They pledged to recover POW/MIA remains, and to build a lasting and stable peace regime.",
        ]
        var text = ""
        var k = 0
        while text.utf8.count < AgendaBuilder.helpedBytes + 1000 {
            text += sentences[k % sentences.count] + " "
            k += 1
        }
        return text
    }()

    @Test func stemmingInPiecesGivesTheWholeTextsStems() {
        let text = Self.longText
        let whole = AgendaText.stemHashes(text)
        for count in [1, 3, 16, 1000] {
            let ranges = AgendaText.pieces(text, count: count)
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == text.utf8.count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            var joined: [UInt64] = []
            var part: [UInt64] = []
            for r in ranges {
                AgendaText.stemHashes(text, bytes: r, into: &part)
                joined += part
            }
            #expect(joined == whole)
        }
    }

    @Test func vocabularyTokensOfALongTextAreThoseOfTheWholeText() {
        let text = Self.longText
        var vocabulary = StemIDs()
        for w in ["denuclear", "remain", "peace", "negociation", "hanoi/panmunjom"] {
            _ = vocabulary.intern(TokenHash.hash(w))
        }
        var long: [ItemToken] = [ItemToken(position: 7, id: 7)]
        AgendaBuilder.vocabularyTokens(text[...], vocabulary: vocabulary, into: &long)
        let expected = AgendaText.stemHashes(text).enumerated().compactMap { position, h in
            vocabulary.lookup(h).map { ItemToken(position: position, id: $0) }
        }
        #expect(long.count == expected.count)
        #expect(long.map(\.position) == expected.map(\.position))
        #expect(long.map(\.id) == expected.map(\.id))
        #expect(Set(long.map(\.id)).count >= 3)
    }
}
