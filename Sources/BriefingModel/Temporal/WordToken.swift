/// A word, number or punctuation mark of a paragraph, with its Unicode-scalar offsets.
public struct WordToken: Sendable, Hashable {
    /// What kind of token this is.
    public enum Kind: Sendable, Hashable {
        case word, number, punctuation
    }

    /// The text as written, without a trailing possessive ('s) or trailing period.
    public var text: String
    /// `text` lowercased.
    public var lower: String
    /// 64-bit FNV-1a hash of the UTF-8 of `lower` (`WordToken.hash`): integer-keyed phrase look-ups.
    public var lowerHash: UInt64 = 0
    // Offsets as 32 bits and the flags in one byte: 56 bytes a token instead of 72 (a paragraph's tokens are
    // all alive while its events are read).
    private var start32: Int32
    private var end32: Int32
    /// The first scalar of `text` (the mark itself for punctuation).
    public var mark: Unicode.Scalar
    /// `WordFilter.fold(lowerHash)`.
    var folded: UInt16
    public var kind: Kind
    private var flags: UInt8

    /// Scalar offset of the first scalar in the paragraph.
    public var start: Int {
        @inline(__always) get { Int(start32) }
        set { start32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// Scalar offset just past the token (past a kept final period: "U.S.").
    public var end: Int {
        @inline(__always) get { Int(end32) }
        set { end32 = Int32(truncatingIfNeeded: newValue) }
    }

    private static let possessiveBit: UInt8 = 1
    private static let capitalizedBit: UInt8 = 2
    private static let hyphenBit: UInt8 = 4
    private static let asciiBit: UInt8 = 8
    private static let quoteBit: UInt8 = 16

    @inline(__always) private func flag(_ bit: UInt8) -> Bool { flags & bit != 0 }
    @inline(__always) private mutating func set(_ bit: UInt8, _ on: Bool) {
        flags = on ? flags | bit : flags & ~bit
    }

    /// True when the word carried a possessive 's ("Saturday's", "Korea’s").
    public var possessive: Bool {
        @inline(__always) get { flag(Self.possessiveBit) }
        set { set(Self.possessiveBit, newValue) }
    }
    /// True when the first character is an uppercase letter.
    public var capitalized: Bool {
        @inline(__always) get { flag(Self.capitalizedBit) }
        set { set(Self.capitalizedBit, newValue) }
    }
    /// True when `text` contains a hyphen-minus ("mid-2018", "27-28").
    public var hasHyphen: Bool {
        @inline(__always) get { flag(Self.hyphenBit) }
        set { set(Self.hyphenBit, newValue) }
    }
    /// `lower` is ASCII (it then has a `fingerprint`).
    var isASCII: Bool {
        @inline(__always) get { flag(Self.asciiBit) }
        set { set(Self.asciiBit, newValue) }
    }
    /// `lower` holds the byte 39 (') or 0xE2 (the first UTF-8 byte of ’ and other marks): only such a word can
    /// end in a future suffix like "'ll". Set by `WordTokenizer`.
    var quoteByte: Bool {
        @inline(__always) get { flag(Self.quoteBit) }
        set { set(Self.quoteBit, newValue) }
    }

    @inline(__always) init(
        text: String, lower: String, start: Int, end: Int, kind: Kind, possessive: Bool, capitalized: Bool,
        mark: Unicode.Scalar, hasHyphen: Bool, isASCII: Bool, folded: UInt16, quoteByte: Bool = false,
        lowerHash: UInt64 = 0
    ) {
        self.text = text
        self.lower = lower
        self.lowerHash = lowerHash
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        self.mark = mark
        self.folded = folded
        self.kind = kind
        var f: UInt8 = 0
        if possessive { f |= Self.possessiveBit }
        if capitalized { f |= Self.capitalizedBit }
        if hasHyphen { f |= Self.hyphenBit }
        if isASCII { f |= Self.asciiBit }
        if quoteByte { f |= Self.quoteBit }
        flags = f
    }

    /// `WordFilter` fingerprint of `lower` (folded from `lowerHash`); nil when it is not ASCII.
    @inline(__always) public var fingerprint: UInt32? { isASCII ? UInt32(folded) : nil }

    /// The hash `lowerHash` holds for a token whose `lower` is `s`.
    /// The value `quoteByte` holds for a token whose `lower` is `s`.
    static func hasQuoteByte(_ s: String) -> Bool {
        s.utf8.contains { $0 == 39 || $0 == 0xE2 }
    }

    public static func hash(_ s: String) -> UInt64 {
        var h = LowerHash()
        for b in s.utf8 { h.add(b) }
        return h.value
    }

    /// The running FNV-1a hash of `lowerHash`, fed a byte at a time.
    struct LowerHash {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        @inline(__always) mutating func add(_ b: UInt8) {
            value = (value ^ UInt64(b)) &* 0x100_0000_01b3
        }
    }

    /// Clause-breaking punctuation: `, ; : ( ) "` and curly double quotes.
    @inline(__always) public static func isClauseMark(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x22, 0x201C, 0x201D: return true
        default: return false
        }
    }

    /// This token moved to scalar offset `i` (one scalar long).
    @inline(__always) func token(at i: Int) -> WordToken {
        var t = self
        t.start32 = Int32(truncatingIfNeeded: i)
        t.end32 = Int32(truncatingIfNeeded: i + 1)
        return t
    }

    /// True when the token is one of the given punctuation marks.
    public func isPunctuation(_ marks: String) -> Bool {
        kind == .punctuation && marks.contains(text)
    }

    /// The integer value of a number token without a sign ("2018", "5th" → 5).
    public var integer: Int? {
        guard kind == .number else { return nil }
        var v = 0
        var digits = 0
        for u in text.utf8 {
            guard u >= 48, u <= 57 else { break }
            v = v * 10 + Int(u - 48)
            digits += 1
            if digits > 9 { return nil }
        }
        return digits > 0 ? v : nil
    }
}

/// Splits paragraph text into `WordToken`s without regular expressions.
///
/// Letters and digits form words; an apostrophe, a period or a hyphen between two letters or digits stays inside
/// the word ("U.S.", "eight-and-a-half", "2019-10-05"); a trailing period stays with a dotted word ("U.S.") and
/// is dropped from `text`. Everything else that is not white space is a one-character punctuation token.
public enum WordTokenizer {
    public static func tokenize(_ text: String) -> [WordToken] {
        tokenize(Array(text.unicodeScalars))
    }

    /// The punctuation token of each ASCII mark, built once: its strings and hashes are the same every time.
    private static let asciiMarks: [WordToken] = (0..<128).map { v in
        let c = Unicode.Scalar(UInt8(v))
        let mark = String(Character(c))
        return WordToken(
            text: mark, lower: mark, start: 0, end: 1, kind: .punctuation, possessive: false, capitalized: false,
            mark: c, hasHyphen: c == "-", isASCII: true, folded: UInt16(WordFilter.fold(WordToken.hash(mark))),
            quoteByte: WordToken.hasQuoteByte(mark), lowerHash: WordToken.hash(mark))
    }

    public static func tokenize(_ s: [Unicode.Scalar]) -> [WordToken] {
        s.withUnsafeBufferPointer { tokenize(buffer: $0) }
    }

    /// The same over the scalars' storage (every index is checked against `n` in the loop). Offsets are kept in
    /// 32 bits: scalars past `Int32.max` (8 GB of text in one paragraph) are not read.
    private static func tokenize(buffer s: UnsafeBufferPointer<Unicode.Scalar>) -> [WordToken] {
        let marks = asciiMarks
        var tokens: [WordToken] = []
        let n = min(s.count, Int(Int32.max) - 1)
        // Room for a token per four scalars: one per five left two paragraphs in five of the synthetic corpus to grow
        // their array, this one in 600.
        tokens.reserveCapacity(n / 4 + 4)
        var i = 0
        while i < n {
            let c = s[i]
            if isSpace(c) {
                i += 1
                continue
            }
            guard isAlnum(c) else {
                if c.value < 128 {
                    tokens.append(marks[Int(c.value)].token(at: i))
                } else {
                    let mark = String(Character(c))
                    tokens.append(
                        WordToken(
                            text: mark, lower: mark, start: i, end: i + 1, kind: .punctuation, possessive: false,
                            capitalized: false, mark: c, hasHyphen: false, isASCII: false, folded: 0,
                            quoteByte: WordToken.hasQuoteByte(mark), lowerHash: WordToken.hash(mark)))
                }
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
            // "U.S." keeps its final period in the source span.
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
            // One pass: ASCII or not, any capital, and both hashes of the lowercased bytes.
            var ascii = true
            var upper = false
            var quote = false
            var lh = WordToken.LowerHash()
            for k in start..<wordEnd {
                let value = s[k].value
                guard value < 128 else {
                    ascii = false
                    break
                }
                let v = UInt8(truncatingIfNeeded: value)
                let l: UInt8
                if v >= 65 && v <= 90 {
                    upper = true
                    l = v + 32
                } else {
                    l = v
                    if v == 39 { quote = true }
                }
                lh.add(l)
            }
            let text: String
            let lower: String
            let count = wordEnd - start
            var lowerHash: UInt64
            if ascii {
                // Bytes straight into the string, and `lower` the same string when there is no capital.
                text = String(unsafeUninitializedCapacity: count) { b in
                    for k in 0..<count { b[k] = UInt8(truncatingIfNeeded: s[start + k].value) }
                    return count
                }
                if upper {
                    lower = String(unsafeUninitializedCapacity: count) { b in
                        for k in 0..<count {
                            let v = UInt8(truncatingIfNeeded: s[start + k].value)
                            b[k] = v >= 65 && v <= 90 ? v + 32 : v
                        }
                        return count
                    }
                } else {
                    lower = text
                }
                lowerHash = lh.value
            } else {
                var view = String.UnicodeScalarView()
                for k in start..<wordEnd { view.append(s[k]) }
                text = String(view)
                lower = text.lowercased()
                lowerHash = WordToken.hash(lower)
                quote = WordToken.hasQuoteByte(lower)
            }
            let first = s[start]
            let isNumber = first.value >= 48 && first.value <= 57
            let capitalized = first.value < 128 ? first.value >= 65 && first.value <= 90 : first.properties.isUppercase
            tokens.append(
                WordToken(
                    text: text, lower: lower, start: start, end: end, kind: isNumber ? .number : .word,
                    possessive: possessive, capitalized: capitalized, mark: first, hasHyphen: hasHyphen,
                    isASCII: ascii, folded: UInt16(WordFilter.fold(lowerHash)), quoteByte: quote, lowerHash: lowerHash))
            i = end
        }
        return tokens
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}"
    }

    @inline(__always) static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            let v = c.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
