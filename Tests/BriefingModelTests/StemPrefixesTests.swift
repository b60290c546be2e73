import Testing

@testable import BriefingModel

/// Skipping the words whose first letters start no vocabulary stem finds the same vocabulary words, at the same
/// positions, as stemming every word.
@Suite struct StemPrefixesTests {
    /// Items shaped like the sample agenda's: keywords with hyphens, slashes and capitals, texts with content words.
    static let agendas = [
        Agenda(
            id: "t", label: "Test",
            items: [
                AgendaItem(
                    id: "a", text: "Establish new relations between the two countries",
                    keywords: ["new relations", "U.S.-DPRK relations", "normalization"]),
                AgendaItem(
                    id: "b", text: "Build a lasting and stable peace regime on the Korean Peninsula",
                    keywords: ["peace regime", "peace treaty", "end-of-war declaration"]),
                AgendaItem(
                    id: "c", text: "Work toward complete denuclearization of the peninsula",
                    keywords: ["denuclearization", "nuclear-free", "dismantlement"]),
                AgendaItem(
                    id: "d", text: "Recover POW/MIA remains, including repatriation of those identified",
                    keywords: ["POW/MIA", "remains", "repatriation"]),
            ])
    ]

    /// A text of `count` words drawn from the items' words with their suffixes, capitals, trailing hyphens and
    /// cut-off beginnings, other words (some not ASCII) and numbers, between assorted separators.
    static func text(_ rng: inout SplitMix64, count: Int) -> String {
        var base: [String] = ["the", "talks", "in", "Hanoi", "Kim", "a", "an", "of", "Pyongyang", "2019"]
        for item in agendas[0].items {
            let words: [String] = [item.text] + item.keywords
            for w in words { base += w.split(separator: " ").map(String.init) }
        }
        let suffixes = ["", "", "s", "es", "ed", "ing", "ation", "ations", "ment", "ness", "ies", "ied", "ly", "-"]
        let others = ["한반도", "café", "Ünification", "\u{212A}im", "co-op", "x", "é", "42", "1/2", "--"]
        let separators = [" ", " ", " ", ", ", ". ", " - ", " (", ") ", "/", " \u{201C}", "\u{201D} "]
        var out = ""
        for _ in 0..<count {
            var w: String
            switch rng.next() % 8 {
            case 0: w = others[Int(rng.next() % UInt64(others.count))]
            case 1:
                let b = base[Int(rng.next() % UInt64(base.count))]
                w = String(b.prefix(Int(rng.next() % 5) + 1))
            default:
                w = base[Int(rng.next() % UInt64(base.count))] + suffixes[Int(rng.next() % UInt64(suffixes.count))]
            }
            switch rng.next() % 6 {
            case 0: w = w.uppercased()
            case 1: w = w.prefix(1).uppercased() + w.dropFirst()
            default: break
            }
            out += w + separators[Int(rng.next() % UInt64(separators.count))]
        }
        return out
    }

    @Test func skippingFindsTheVocabularyWordsStemmingEveryWordFinds() {
        let (vocabulary, prefixes) = AgendaBuilder.vocabulary(of: Self.agendas)
        #expect(!prefixes.acceptsAll)
        var rng = SplitMix64(seed: 20_180_612)
        var all: [UInt64] = []
        var some: [UInt64] = []
        var skipped = 0
        var found = 0
        for _ in 0..<400 {
            let text = Self.text(&rng, count: 40)
            AgendaText.stemHashes(text, bytes: nil, into: &all)
            AgendaText.stemHashes(text, bytes: nil, into: &some, prefixes: prefixes)
            #expect(some.count == all.count, "\(text)")
            var expected: [ItemToken] = []
            var tokens: [ItemToken] = []
            vocabulary.appendTokens(of: all, to: &expected)
            vocabulary.appendTokens(of: some, to: &tokens)
            #expect(tokens.map(\.position) == expected.map(\.position), "\(text)")
            #expect(tokens.map(\.id) == expected.map(\.id), "\(text)")
            // Read straight from the bytes (what tagging does), without a list of every word's hash.
            var direct: [ItemToken] = []
            var copy = text
            let words = copy.withUTF8 { vocabulary.appendTokens(ofWordsIn: $0, prefixes: prefixes, to: &direct) }
            #expect(words == all.count, "\(text)")
            #expect(direct.map(\.position) == expected.map(\.position), "\(text)")
            #expect(direct.map(\.id) == expected.map(\.id), "\(text)")
            skipped += some.filter { $0 == AgendaText.skipped }.count
            found += tokens.count
        }
        // The texts exercise both sides: many words skipped, many vocabulary words found.
        #expect(skipped > 2_000)
        #expect(found > 2_000)
    }

    @Test func aStemThatIsNotASCIIKeepsEveryWord() {
        var prefixes = StemPrefixes()
        prefixes.add(stem: "peace")
        var text = "zzzz"
        let key = text.withUTF8 { StemPrefixes.key($0, 0, $0.count) }
        #expect(!prefixes.mayStart(key))
        prefixes.add(stem: "caf\u{E9}")
        #expect(prefixes.acceptsAll)
        #expect(prefixes.mayStart(key))
        var words = StemPrefixes()
        words.addWords(of: "peace \u{212A}elvin")
        #expect(words.acceptsAll)
    }

    @Test func aWordAndItsStemShareTheirKey() {
        // Lowercased, cut to four bytes, trailing hyphens and slashes dropped; shorter words whole.
        func key(_ s: String) -> UInt32 {
            var s = s
            return s.withUTF8 { StemPrefixes.key($0, 0, $0.count) }
        }
        #expect(key("Denuclearization") == key("denu"))
        #expect(key("POW/MIA") == key("pow/m"))
        #expect(key("new-") == key("new"))
        #expect(key("new") != key("news"))
        #expect(key("ab--") == key("ab"))
        #expect(key("A") == key("a"))
    }

    @Test func aWordIsKeptWhenItsStemIsAdded() {
        // Stems whose fourth byte is a hyphen or slash ("abc-" of "abc-es") keep it: the word's key has it too.
        for word in ["abc-es", "ab/cs", "x-yzing", "pow/mias", "new-ed", "denuclearizations", "talks", "abcd"] {
            var prefixes = StemPrefixes()
            prefixes.add(stem: AgendaText.stem(word))
            var w = word
            let k = w.withUTF8 { StemPrefixes.key($0, 0, $0.count) }
            #expect(prefixes.mayStart(k), "\(word) → \(AgendaText.stem(word))")
        }
    }
}
