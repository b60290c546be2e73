import Foundation
import Testing

@testable import BriefingModel

/// Packed tokens (`ShortWord`) must read exactly as the tokens that kept their text and lowercase as Strings.
@Suite struct WordTokenPackingTests {
    /// A token as the tokenizer built it when every token held its two Strings (the oracle of these tests).
    struct Reference: Equatable {
        var text: String
        var lower: String
        var start: Int
        var end: Int
        var kind: WordToken.Kind
        var possessive: Bool
        var capitalized: Bool
        var mark: Unicode.Scalar
        var hasHyphen: Bool
        var isASCII: Bool
        var quoteByte: Bool
        var lowerHash: UInt64
    }

    /// A letter or digit, as the former tokenizer told them.
    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// White space, as the former tokenizer told it.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}"
    }

    /// The former tokenizer, kept here as written then (strings built for every token).
    static func reference(_ text: String) -> [Reference] {
        let s = Array(text.unicodeScalars)
        let n = s.count
        var out: [Reference] = []
        var i = 0
        while i < n {
            let c = s[i]
            if isSpace(c) {
                i += 1
                continue
            }
            guard isAlnum(c) else {
                let mark = String(Character(c))
                out.append(
                    Reference(
                        text: mark, lower: mark, start: i, end: i + 1, kind: .punctuation, possessive: false,
                        capitalized: false, mark: c, hasHyphen: c == "-", isASCII: c.value < 128,
                        quoteByte: WordToken.hasQuoteByte(mark), lowerHash: WordToken.hash(mark)))
                i += 1
                continue
            }
            let start = i
            var hasDot = false
            var hasHyphen = false
            i += 1
            while i < n {
                let d = s[i]
                if isAlnum(d) {
                    i += 1
                    continue
                }
                if d == "." || d == "-" || d == "'" || d == "’", i + 1 < n, isAlnum(s[i + 1]) {
                    if d == "." { hasDot = true }
                    if d == "-" { hasHyphen = true }
                    i += 2
                    continue
                }
                break
            }
            var end = i
            if hasDot, i < n, s[i] == "." { end = i + 1 }
            var wordEnd = i
            var possessive = false
            if wordEnd - start > 2, s[wordEnd - 1] == "s" || s[wordEnd - 1] == "S",
                s[wordEnd - 2] == "'" || s[wordEnd - 2] == "’"
            {
                possessive = true
                wordEnd -= 2
            } else if wordEnd - start > 1, s[wordEnd - 1] == "'" || s[wordEnd - 1] == "’" {
                wordEnd -= 1
            }
            let word = String(String.UnicodeScalarView(s[start..<wordEnd]))
            let ascii = word.utf8.allSatisfy { $0 < 128 }
            let lower = word.lowercased()
            let first = s[start]
            out.append(
                Reference(
                    text: word, lower: lower, start: start, end: end,
                    kind: first.value >= 48 && first.value <= 57 ? .number : .word, possessive: possessive,
                    capitalized: first.value < 128
                        ? first.value >= 65 && first.value <= 90 : first.properties.isUppercase,
                    mark: first, hasHyphen: hasHyphen, isASCII: ascii, quoteByte: WordToken.hasQuoteByte(lower),
                    lowerHash: WordToken.hash(lower)))
            i = end
        }
        return out
    }

    /// Checks every token of `text` field by field against the reference, and the comparisons without strings
    /// against String equality.
    static func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tokens = WordTokenizer.tokenize(text)
        let expected = reference(text)
        #expect(tokens.count == expected.count, "\(text)", sourceLocation: sourceLocation)
        for (t, r) in zip(tokens, expected) {
            let got = Reference(
                text: t.text, lower: t.lower, start: t.start, end: t.end, kind: t.kind, possessive: t.possessive,
                capitalized: t.capitalized, mark: t.mark, hasHyphen: t.hasHyphen, isASCII: t.isASCII,
                quoteByte: t.quoteByte, lowerHash: t.lowerHash)
            #expect(got == r, "\(r.text)", sourceLocation: sourceLocation)
            let fingerprint = r.isASCII ? WordFilter.fold(r.lowerHash) : nil
            #expect(t.fingerprint == fingerprint, sourceLocation: sourceLocation)
            #expect(t.isDash == ["-", "–", "—"].contains(r.text), sourceLocation: sourceLocation)
            #expect(t.lowerMayBeASCII || !WordMap<Bool>.mayEqualASCII(r.lower), sourceLocation: sourceLocation)
            #expect(t.textByteCount == r.text.utf8.count, "\(r.text)", sourceLocation: sourceLocation)
            #expect(t.lowerEndsWithS == r.lower.hasSuffix("s"), "\(r.text)", sourceLocation: sourceLocation)
            let digits = r.text.utf8.prefix { $0 >= 48 && $0 <= 57 }
            let integer = r.kind == .number && !digits.isEmpty && digits.count <= 9 ? Int(String(digits)!) : nil
            #expect(t.integer == integer, "\(r.text)", sourceLocation: sourceLocation)
            for (w, s) in literals {
                #expect(t.lowerIs(w) == (r.lower == s), "\(r.text) \(s)", sourceLocation: sourceLocation)
                #expect(t.textIs(w) == (r.text == s), "\(r.text) \(s)", sourceLocation: sourceLocation)
            }
            for s in [r.lower, r.text, "the", "k", "Kim", "U.S", "summit", ";", r.lower + "x"] {
                let w = ShortWord(s) ?? .none
                // Packed on both sides, the packed forms must answer, and answer as the strings do.
                let packed = t.isPacked && ShortWord(s) != nil
                #expect((t.lowerMatches(w) != nil) == packed, "\(r.text) \(s)", sourceLocation: sourceLocation)
                #expect(t.lowerMatches(w) ?? (r.lower == s) == (r.lower == s), sourceLocation: sourceLocation)
                #expect(t.textMatches(w) ?? (r.text == s) == (r.text == s), sourceLocation: sourceLocation)
                #expect(t.hasLower(w) == (packed && r.lower == s), "\(r.text) \(s)", sourceLocation: sourceLocation)
            }
        }
    }

    static let literals: [(StaticString, String)] = [
        ("the", "the"), ("The", "The"), (",", ","), (";", ";"), (":", ":"), ("-", "-"), ("—", "—"), ("–", "–"),
        ("k", "k"), ("s", "s"), ("u.s", "u.s"), ("according", "according"), ("2018", "2018"), (".", "."),
        ("abcdefghijklmnop", "abcdefghijklmnop"), ("abcdefghijklmnopq", "abcdefghijklmnopq"),
    ]

    @Test func tokensReadAsTheStringTokensDid() {
        Self.check("The U.S. and Kim's talks, on Saturday; 2019-10-05 mid-2018 we'll Korea’s 5th ABCDEFGHIJKLMNOP")
        Self.check("abcdefghijklmnop abcdefghijklmnopq ABCDEFGHIJKLMNOPQRSTUVWXYZ aBcDeFgHiJkLmNoP Q")
        // Not ASCII: accents, the Kelvin sign (lowercases to "k"), the Greek question mark (equal to ";"),
        // curly quotes and dashes, a combining accent.
        Self.check("Café caf\u{E9} \u{212A} \u{212A}im \u{37E} “Yes” — – Ünter cafe\u{301}s Żółw ΣΊΣΥΦΟΣ")
        // Words of another script: short ones packed as UTF-8, long ones kept in `WordSpellings`.
        Self.check("한 한국어 대한민국의 수도는 서울입니다 가나다라마바사아자차카타파하 Ωμέγα")
        Self.check("")
        Self.check("  ,,, ... ' ’ 's x's X'S")
        // Apostrophes and periods inside words, possessives after them, and scalars that are not ASCII after them.
        Self.check("rock'n'roll's o'clock's Ko’rea’s x’s’s x's's it's-a it's.a U.S.'s U.S.’s a.é b-é c'é d’é e’s")
        Self.check("Kim's Kim’s Kim's. KIM'S Kim’S a's 's x'sé x's2 Łódź's Łódź’s é's 9's 10-'s end's")
    }

    @Test func textOfATokenPerScalarReadsAsBefore() {
        // More tokens than the room reserved for one per four scalars, in a short and in a long paragraph.
        Self.check(String(repeating: ",", count: 40))
        Self.check(String(repeating: "a,", count: 30) + "Kim's")
        Self.check(String(repeating: "a;B ’s,", count: 2_400))
    }

    /// A String is read as its scalars are, whether they fit in room on the stack or not.
    @Test func aStringReadsAsItsScalars() {
        let long = String(repeating: "Kim Jong Un’s talks, 한국어 \u{212A}é; ", count: 200)
        for text in ["", " ", "Donald J. Trump", "Moon Jae-in", "대한민국 Café", "😀 a", long, long + "x"] {
            #expect(WordTokenizer.tokenize(text) == WordTokenizer.tokenize(Array(text.unicodeScalars)), "\(text)")
        }
    }

    @Test func randomTextReadsAsTheStringTokensDid() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [String] = [
            "a", "B", "z", "Z", "0", "9", " ", " ", " ", ".", "-", "'", "’", ",", ";", "\u{212A}", "\u{37E}", "é",
            "É", "—", "“", "\u{301}", "s", "S", "the", "The", "THE", "\n", "\u{A0}", "x", "Q", "한", "국어",
        ]
        for _ in 0..<300 {
            let length = Int.random(in: 0..<60, using: &rng)
            let text = (0..<length).map { _ in pieces.randomElement(using: &rng) ?? " " }.joined()
            Self.check(text)
        }
    }

    @Test func corpusParagraphsReadAsTheStringTokensDid() throws {
        let folder = EventTestSupport.root + "/Data/articles"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!files.isEmpty)
        for name in files {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for paragraph in text.split(separator: "\n\n") { Self.check(String(paragraph)) }
        }
    }

    @Test func lettersAndDigitsAreToldAsBefore() {
        for v in UInt32(0)..<0x3000 {
            guard let c = Unicode.Scalar(v) else { continue }
            #expect(WordTokenizer.isAlnum(c) == Self.isAlnum(c), "\(v)")
        }
    }

    @Test func capitalsAreFoundInEveryByteOfAPackedWord() {
        for k in 0..<16 {
            var bytes = Array("abcdefghijklmnop".utf8)
            bytes[k] -= 32
            let word = String(decoding: bytes, as: UTF8.self)
            Self.check(word)
            Self.check(String(word.prefix(k + 1)))
        }
        // "@" and "[" sit just outside the capitals.
        Self.check("a@[`{A Z@Z[Z`z{")
    }
}
