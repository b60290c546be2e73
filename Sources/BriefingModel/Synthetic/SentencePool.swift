import Foundation

/// The sentences of a source corpus, sorted into those that hold a quotation and the rest, with the
/// capitalized words seen inside sentences (names, places, organizations) that the generator varies.
public struct SentencePool: Sendable, Hashable {
    /// Sentences with a quotation mark pair (curly or straight).
    public var quoted: [String]
    /// Sentences without a quotation.
    public var plain: [String]
    /// Capitalized words found after the first word of a sentence, sorted and unique.
    public var names: [String]

    public init(quoted: [String], plain: [String], names: [String]) {
        self.quoted = quoted
        self.plain = plain
        self.names = names
    }

    /// Splits paragraph texts into sentences with `splitter`. Sentences that open a quotation closed by a
    /// later one are kept together, so every pooled sentence has balanced quotation marks.
    public init(paragraphs: [String], splitter: SentenceSplitter) {
        var quoted: [String] = []
        var plain: [String] = []
        var seenSentences = Set<String>()
        var capitalized = Set<String>()
        var lowercase = Set<String>()
        for text in paragraphs {
            let scalars = Array(text.unicodeScalars)
            var pending: Range<Int>?
            for range in splitter.split(scalars) {
                let joined = pending.map { $0.lowerBound..<range.upperBound } ?? range
                let sentence = String(String.UnicodeScalarView(scalars[joined]))
                if Self.opensQuotation(sentence) {
                    pending = joined
                    continue
                }
                pending = nil
                guard sentence.unicodeScalars.count >= 12, seenSentences.insert(sentence).inserted else { continue }
                if Self.holdsQuotation(sentence) { quoted.append(sentence) } else { plain.append(sentence) }
                var previous: SentenceTokens.Token?
                for token in SentenceTokens(sentence) {
                    defer { previous = token }
                    guard case .word(let word) = token else { continue }
                    if word.first?.isLowercase == true { lowercase.insert(String(word)) }
                    if Self.isName(word), Variation.mayRename(after: previous) { capitalized.insert(String(word)) }
                }
            }
        }
        let names = capitalized.filter { !lowercase.contains($0.lowercased()) }
        self.init(quoted: quoted, plain: plain, names: names.sorted())
    }

    /// Reads the article files under `paths` with the corpus loader and pools their sentences.
    public static func load(paths: [String], lexicon: Lexicon) -> SentencePool {
        let load = CorpusLoader().load(paths: paths)
        let paragraphs = load.articles.flatMap { $0.paragraphs.map(\.text) }.filter { !$0.hasPrefix("#") }
        return SentencePool(paragraphs: paragraphs, splitter: SentenceSplitter(lexicon: lexicon))
    }

    public var isEmpty: Bool { quoted.isEmpty && plain.isEmpty }

    /// A 64-bit FNV-1a digest of every sentence, so a generated corpus can tell which source it came from.
    public var digest: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for sentence in quoted + ["\u{0}"] + plain {
            for byte in sentence.utf8 {
                h ^= UInt64(byte)
                h &*= 0x100_0000_01b3
            }
            h ^= 0xff
            h &*= 0x100_0000_01b3
        }
        return h
    }

    /// True when more curly quotation marks open than close (an odd number of straight ones counts too).
    static func opensQuotation(_ s: String) -> Bool {
        var depth = 0
        var straight = 0
        for c in s {
            if c == "“" { depth += 1 } else if c == "”" { depth -= 1 } else if c == "\"" { straight += 1 }
        }
        return depth > 0 || straight % 2 == 1
    }

    static func holdsQuotation(_ s: String) -> Bool {
        if s.contains("“") { return true }
        return s.reduce(0) { $1 == "\"" ? $0 + 1 : $0 } >= 2
    }

    /// A word of three letters or more that starts with a capital and is not all capitals.
    static func isName(_ word: Substring) -> Bool {
        guard word.count >= 3, let first = word.unicodeScalars.first,
            CharacterSet.uppercaseLetters.contains(first)
        else { return false }
        return word.unicodeScalars.dropFirst().contains { CharacterSet.lowercaseLetters.contains($0) }
    }
}

/// A sentence cut into runs of letters, runs of digits, and everything else, in order.
struct SentenceTokens: Sequence {
    enum Token: Equatable {
        case word(Substring)
        case number(Substring)
        case other(Substring)

        var text: Substring {
            switch self {
            case .word(let s), .number(let s), .other(let s): return s
            }
        }
    }

    let text: String

    init(_ text: String) {
        self.text = text
    }

    func makeIterator() -> AnyIterator<Token> {
        let text = self.text
        var i = text.startIndex
        return AnyIterator {
            guard i < text.endIndex else { return nil }
            let start = i
            let kind = Self.kind(text[i])
            repeat { i = text.index(after: i) } while i < text.endIndex && Self.kind(text[i]) == kind
            let piece = text[start..<i]
            switch kind {
            case 1: return .word(piece)
            case 2: return .number(piece)
            default: return .other(piece)
            }
        }
    }

    /// 1 for letters, 2 for ASCII digits, 0 for the rest.
    static func kind(_ c: Character) -> Int {
        if c.isLetter { return 1 }
        if c.isASCII && c.isNumber { return 2 }
        return 0
    }
}
