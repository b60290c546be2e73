/// Up to 16 ASCII bytes packed in two words with their count: a short word compared in two or three tests.
struct ShortWord: Sendable, Hashable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0
    var count: UInt8 = 0

    init() {}

    /// Any UTF-8 bytes of `s` packed; nil when there are more than 16.
    init?(utf8 s: String) {
        var window = Window()
        for b in s.utf8 {
            guard window.count < 16 else { return nil }
            window.add(b)
        }
        self = window.packed
    }

    /// The bytes as a String (valid UTF-8 when they were packed from a String).
    var utf8String: String { string() }

    /// A value no packed word equals (its count is over 16).
    static let none: ShortWord = {
        var w = ShortWord()
        w.count = .max
        return w
    }()

    /// `s` packed; nil when it is not ASCII or is longer than 16 bytes.
    init?(_ s: String) {
        var window = Window()
        for b in s.utf8 {
            guard b < 128, window.count < 16 else { return nil }
            window.add(b)
        }
        self = window.packed
    }

    /// Bytes fed one at a time into a 128-bit window they enter from the top: the last 16 are kept, with no
    /// branch per byte.
    struct Window {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var count = 0

        @inline(__always) mutating func add(_ b: UInt8) {
            lo = (lo &>> 8) | (hi &<< 56)
            hi = (hi &>> 8) | (UInt64(b) &<< 56)
            count &+= 1
        }

        /// The bytes added, first byte lowest (when at most 16 were).
        @inline(__always) var packed: ShortWord {
            var w = ShortWord()
            w.count = UInt8(truncatingIfNeeded: count)
            if count <= 8 {
                w.lo = hi &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count)
            } else if count < 16 {
                let shift = UInt64(truncatingIfNeeded: 128 &- 8 &* count)
                w.lo = (lo &>> shift) | (hi &<< (64 &- shift))
                w.hi = hi &>> shift
            } else {
                w.lo = lo
                w.hi = hi
            }
            return w
        }
    }

    /// The packed ASCII bytes with their capitals lowercased, and a bit for each capital (bit k for byte k).
    @inline(__always) func lowered() -> (ShortWord, UInt16) {
        var w = self
        let (lo, loCaps) = Self.lowered(lo)
        let (hi, hiCaps) = Self.lowered(hi)
        w.lo = lo
        w.hi = hi
        return (w, UInt16(loCaps) | UInt16(hiCaps) << 8)
    }

    /// Eight ASCII bytes with the capitals lowercased, and a bit for each capital (bit k for byte k).
    @inline(__always) static func lowered(_ x: UInt64) -> (UInt64, UInt8) {
        // A byte below 128 plus 0x3F reaches 0x80 from "A" on, plus 0x25 from "[" on; no carry crosses bytes.
        let capitals = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
        // Bit 7 of byte k lands on bit 56 + k.
        let mask = UInt8(truncatingIfNeeded: ((capitals >> 7) &* 0x0102_0408_1020_4080) >> 56)
        return (x | capitals >> 2, mask)
    }

    /// Byte `k` (below `count`).
    @inline(__always) func byte(_ k: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: (k < 8 ? lo : hi) >> (UInt64(k & 7) << 3))
    }

    /// True when the bytes are those of the ASCII `w`.
    @inline(__always) func equals(_ w: StaticString) -> Bool {
        guard Int(count) == w.utf8CodeUnitCount else { return false }
        let p = w.utf8Start
        for k in 0..<Int(count) where p[k] != byte(k) { return false }
        return true
    }

    /// The bytes as a String, those whose bit is set in `upper` uppercased.
    func string(upper: UInt16 = 0) -> String {
        String(unsafeUninitializedCapacity: Int(count)) { b in
            for k in 0..<Int(count) { b[k] = upper & (1 << k) != 0 ? byte(k) - 32 : byte(k) }
            return Int(count)
        }
    }
}

/// A word, number or punctuation mark of a paragraph, with its Unicode-scalar offsets.
///
/// A token whose lowercased form is ASCII of at most 16 bytes (nearly all) keeps it packed (`ShortWord`) with a
/// bit per uppercase byte, and builds `text` and `lower` only when asked; the others keep their text as a String.
public struct WordToken: Sendable, Hashable {
    /// What kind of token this is.
    public enum Kind: Sendable, Hashable {
        case word, number, punctuation
    }

    /// 64-bit FNV-1a hash of the UTF-8 of `lower` (`WordToken.hash`): integer-keyed phrase look-ups.
    public var lowerHash: UInt64 = 0
    /// `lower` packed, when `isPacked`.
    private var short: ShortWord
    private var flags: UInt8
    /// Bit k: byte k of `text` is byte k of `short` uppercased (when `text` is packed too).
    private var upper: UInt16
    /// The first scalar of `text` (the mark itself for punctuation).
    public var mark: Unicode.Scalar
    // Offsets as 32 bits (a paragraph's tokens are all alive while its events are read).
    private var start32: Int32
    private var end32: Int32
    /// The `WordSpellings` index of `text` when it is neither packed nor a single mark; else -1. No String is
    /// held: a token is plain data, copied and freed without reference counting.
    private var spelling: Int32
    /// For a text that is not packed: `Spelled` bits.
    private var spelledBits: UInt8

    /// `text` is ASCII of at most 16 bytes: `short` with the `upper` bytes uppercased.
    @inline(__always) private var isTextPacked: Bool { spelling < 0 && isPacked }

    /// The text as written, without a trailing possessive ('s) or trailing period.
    public var text: String { isTextPacked ? short.string(upper: upper) : spelled }

    /// `text` when it is not packed: a mark that is not ASCII, or a word kept in `WordSpellings`.
    @inline(never) private var spelled: String {
        if spelling >= 0 { return WordSpellings.shared[spelling] }
        return spelledBits & Spelled.inShort != 0 ? short.utf8String : String(Character(mark))
    }

    /// What a token whose text is not packed ASCII tells of it without building it.
    enum Spelled {
        /// `short` holds the UTF-8 of `text` (not ASCII, at most 16 bytes; `lower` is not packed).
        static let inShort: UInt8 = 1
        /// `text` may equal an ASCII string (`WordMap.mayEqualASCII`).
        static let textMayBeASCII: UInt8 = 2
        /// `lower` may equal an ASCII string.
        static let lowerMayBeASCII: UInt8 = 4
    }

    /// `text` lowercased (a punctuation mark as written).
    public var lower: String { isPacked ? short.string() : spelledLower }

    /// `lower` when it is not packed.
    @inline(never) private var spelledLower: String { kind == .punctuation ? spelled : spelled.lowercased() }

    /// `WordFilter.fold(lowerHash)`.
    var folded: UInt16 { UInt16(WordFilter.fold(lowerHash)) }

    /// What kind of token this is.
    public var kind: Kind {
        @inline(__always) get {
            flags & Self.numberBit != 0 ? .number : flags & Self.punctuationBit != 0 ? .punctuation : .word
        }
    }

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
    private static let packedBit: UInt8 = 32
    private static let numberBit: UInt8 = 64
    private static let punctuationBit: UInt8 = 128

    @inline(__always) private func flag(_ bit: UInt8) -> Bool { flags & bit != 0 }

    /// True when the word carried a possessive 's ("Saturday's", "Korea’s").
    public var possessive: Bool { flag(Self.possessiveBit) }
    /// True when the first character is an uppercase letter.
    public var capitalized: Bool { flag(Self.capitalizedBit) }
    /// True when `text` contains a hyphen-minus ("mid-2018", "27-28").
    public var hasHyphen: Bool { flag(Self.hyphenBit) }
    /// The text is ASCII (`lower` then has a `fingerprint`).
    var isASCII: Bool { flag(Self.asciiBit) }
    /// `lower` holds the byte 39 (') or 0xE2 (the first UTF-8 byte of ’ and other marks): only such a word can
    /// end in a future suffix like "'ll". Set by `WordTokenizer`.
    var quoteByte: Bool { flag(Self.quoteBit) }
    /// `lower` is ASCII of at most 16 bytes, kept packed.
    var isPacked: Bool { flag(Self.packedBit) }

    /// A token of `text`, packed (`short` and `upper`), or a single mark, or kept in `WordSpellings` (`spelling`).
    @inline(__always) init(
        short: ShortWord, upper: UInt16, spelling: Int32, spelledBits: UInt8 = 0, start: Int, end: Int, kind: Kind,
        possessive: Bool,
        capitalized: Bool, mark: Unicode.Scalar, hasHyphen: Bool, isASCII: Bool, packed: Bool, quoteByte: Bool,
        lowerHash: UInt64
    ) {
        self.short = short
        self.upper = upper
        self.spelling = spelling
        self.spelledBits = spelledBits
        self.lowerHash = lowerHash
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        self.mark = mark
        var f: UInt8 = 0
        if possessive { f |= Self.possessiveBit }
        if capitalized { f |= Self.capitalizedBit }
        if hasHyphen { f |= Self.hyphenBit }
        if isASCII { f |= Self.asciiBit }
        if quoteByte { f |= Self.quoteBit }
        if packed { f |= Self.packedBit }
        if kind == .number { f |= Self.numberBit }
        if kind == .punctuation { f |= Self.punctuationBit }
        flags = f
    }

    /// `WordFilter` fingerprint of `lower` (folded from `lowerHash`); nil when it is not ASCII.
    @inline(__always) public var fingerprint: UInt32? { isASCII ? WordFilter.fold(lowerHash) : nil }

    /// `lower == w`, without building `lower` when it is packed.
    @inline(__always) func lowerIs(_ w: StaticString) -> Bool {
        if isPacked && w.isASCII { return short.equals(w) }
        return lowerIsSlow(w)
    }

    @inline(never) private func lowerIsSlow(_ w: StaticString) -> Bool {
        // `lower` is packed whenever it is ASCII of at most 16 bytes: built here only when it may equal `w`.
        if isPacked { return Self.mayEqualASCII(w) && lower == w.description }
        if w.isASCII && spelledBits & Spelled.lowerMayBeASCII == 0 { return false }
        return lower == w.description
    }

    /// False when the string `w`, not ASCII, cannot equal an ASCII string (`WordMap.mayEqualASCII`).
    private static func mayEqualASCII(_ w: StaticString) -> Bool { WordMap<Bool>.mayEqualASCII(w.description) }

    /// `text` packed, when `isTextPacked`.
    private var textShort: ShortWord {
        var w = short
        var m = upper
        while m != 0 {
            let k = m.trailingZeroBitCount
            let d = UInt64(32) << (UInt64(k & 7) << 3)
            if k < 8 { w.lo -= d } else { w.hi -= d }
            m &= m - 1
        }
        return w
    }

    /// `text == w`, without building `text` when it is packed.
    @inline(__always) func textIs(_ w: StaticString) -> Bool {
        if isTextPacked && w.isASCII { return textShort.equals(w) }
        return textIsSlow(w)
    }

    @inline(never) private func textIsSlow(_ w: StaticString) -> Bool {
        if isTextPacked { return Self.mayEqualASCII(w) && text == w.description }
        if w.isASCII && spelledBits & Spelled.textMayBeASCII == 0 { return false }
        return spelled == w.description
    }

    /// True when `lower` is packed and is `w`.
    @inline(__always) func hasLower(_ w: ShortWord) -> Bool { isPacked && short == w }

    /// `lower == s` where `w` is `ShortWord(s) ?? .none`, when the packed forms tell (both are packed); else nil.
    @inline(__always) func lowerMatches(_ w: ShortWord) -> Bool? {
        isPacked && w.count <= 16 ? short == w : nil
    }

    /// `text == s` where `w` is `ShortWord(s) ?? .none`, when the packed forms tell; else nil.
    @inline(__always) func textMatches(_ w: ShortWord) -> Bool? {
        isTextPacked && w.count <= 16 ? textShort == w : nil
    }

    /// `lower` may equal an ASCII string (false only when it certainly does not).
    var lowerMayBeASCII: Bool { isPacked || spelledBits & Spelled.lowerMayBeASCII != 0 }

    /// `text` is a hyphen-minus, an en dash or an em dash.
    var isDash: Bool { textIs("-") || textIs("–") || textIs("—") }

    /// `lower.hasSuffix("s")` without building `lower` when it is packed.
    var lowerEndsWithS: Bool {
        guard isPacked else { return lower.hasSuffix("s") }
        return short.count > 0 && short.byte(Int(short.count) - 1) == 115
    }

    /// The value `quoteByte` holds for a token whose `lower` is `s`.
    static func hasQuoteByte(_ s: String) -> Bool {
        s.utf8.contains { $0 == 39 || $0 == 0xE2 }
    }

    /// The hash `lowerHash` holds for a token whose `lower` is `s`.
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
        guard isTextPacked else { return Self.leadingInteger(text.utf8) }
        // Digits are the same in `lower` as in `text`.
        return Self.leadingInteger((0..<Int(short.count)).lazy.map { short.byte($0) })
    }

    /// The value of the digits `bytes` starts with (at most 9); nil when it starts with none or has more.
    private static func leadingInteger(_ bytes: some Sequence<UInt8>) -> Int? {
        var v = 0
        var digits = 0
        for u in bytes {
            guard u >= 48, u <= 57 else { break }
            v = v * 10 + Int(u - 48)
            digits += 1
            if digits > 9 { return nil }
        }
        return digits > 0 ? v : nil
    }

    /// `WordToken.hash` of the bytes of `lower` before its first hyphen-minus ("mid" for "mid-2018"), when `lower`
    /// is packed and holds one; else nil.
    var lowerHashBeforeHyphen: UInt64? {
        guard isPacked else { return nil }
        var h = LowerHash()
        for k in 0..<Int(short.count) {
            let b = short.byte(k)
            if b == 45 { return h.value }
            h.add(b)
        }
        return nil
    }

    /// `text.utf8.count`, without building `text` when it is packed.
    var textByteCount: Int { isTextPacked ? Int(short.count) : spelled.utf8.count }
}

/// Splits paragraph text into `WordToken`s without regular expressions.
///
/// Letters and digits form words; an apostrophe, a period or a hyphen between two letters or digits stays inside
/// the word ("U.S.", "eight-and-a-half", "2019-10-05"); a trailing period stays with a dotted word ("U.S.") and
/// is dropped from `text`. Everything else that is not white space is a one-character punctuation token.
public enum WordTokenizer {
    public static func tokenize(_ text: String) -> [WordToken] {
        // The scalars copied into room for one per UTF-8 byte (a String knows its byte count; counting its
        // scalars first, as `Array(text.unicodeScalars)` does, walks it twice). Temporary room, on the stack for a
        // short text (a phrase, a name): an array would be allocated and freed per text.
        let bytes = text.utf8.count
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes) { b in
            var count = 0
            for u in text.unicodeScalars where count < bytes {
                b.initializeElement(at: count, to: u)
                count += 1
            }
            return tokenize(buffer: UnsafeBufferPointer(rebasing: b[..<count]))
        }
    }

    /// The punctuation token of each ASCII mark, built once: its hash is the same every time.
    private static let asciiMarks: [WordToken] = (0..<128).map { v in
        let c = Unicode.Scalar(UInt8(v))
        var short = ShortWord()
        short.lo = UInt64(v)
        short.count = 1
        return WordToken(
            short: short, upper: 0, spelling: -1, start: 0, end: 1, kind: .punctuation, possessive: false,
            capitalized: false, mark: c, hasHyphen: c == "-", isASCII: true, packed: true, quoteByte: v == 39,
            lowerHash: WordToken.hash(String(Character(c))))
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
                    // The mark's hash and quote byte from its UTF-8, as its String holds it.
                    var h = WordToken.LowerHash()
                    var quote = false
                    UTF8.encode(c) { b in
                        h.add(b)
                        if b == 39 || b == 0xE2 { quote = true }
                    }
                    tokens.append(
                        WordToken(
                            short: ShortWord(), upper: 0, spelling: -1,
                            spelledBits: WordMap<Bool>.mayEqualASCII(c) ? Self.markMayBeASCII : 0, start: i,
                            end: i + 1, kind: .punctuation, possessive: false, capitalized: false, mark: c,
                            hasHyphen: false, isASCII: false, packed: false, quoteByte: quote, lowerHash: h.value))
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
            // One pass: ASCII or not, any capital, and the hash of the lowercased bytes.
            var ascii = true
            var upper = false
            var quote = false
            var lh = WordToken.LowerHash()
            var window = ShortWord.Window()
            for k in start..<wordEnd {
                let value = s[k].value
                guard value < 128 else {
                    ascii = false
                    break
                }
                let v = UInt8(truncatingIfNeeded: value)
                window.add(v)
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
            let count = wordEnd - start
            let packs = count <= 16
            var short = ShortWord()
            var capitals: UInt16 = 0
            if ascii && packs {
                short = window.packed
                if upper { (short, capitals) = short.lowered() }
            }
            var spelling: Int32 = -1
            var spelledBits: UInt8 = 0
            var packed = ascii && packs
            var lowerHash = lh.value
            if !ascii {
                var view = String.UnicodeScalarView()
                for k in start..<wordEnd { view.append(s[k]) }
                let spelled = String(view)
                let lower = spelled.lowercased()
                lowerHash = WordToken.hash(lower)
                quote = WordToken.hasQuoteByte(lower)
                if WordMap<Bool>.mayEqualASCII(spelled) { spelledBits |= WordToken.Spelled.textMayBeASCII }
                if WordMap<Bool>.mayEqualASCII(lower) { spelledBits |= WordToken.Spelled.lowerMayBeASCII }
                if let w = ShortWord(lower) {
                    // A text that is not ASCII may still lowercase to ASCII (the Kelvin sign to "k").
                    short = w
                    packed = true
                    spelling = WordSpellings.shared.intern(spelled)
                } else if let w = ShortWord(utf8: spelled) {
                    short = w
                    spelledBits |= WordToken.Spelled.inShort
                } else {
                    spelling = WordSpellings.shared.intern(spelled)
                }
            } else if !packs {
                let spelled = String(unsafeUninitializedCapacity: count) { b in
                    for k in 0..<count { b[k] = UInt8(truncatingIfNeeded: s[start + k].value) }
                    return count
                }
                spelling = WordSpellings.shared.intern(spelled)
                spelledBits = WordToken.Spelled.textMayBeASCII | WordToken.Spelled.lowerMayBeASCII
            }
            let first = s[start]
            let isNumber = first.value >= 48 && first.value <= 57
            let capitalized = first.value < 128 ? first.value >= 65 && first.value <= 90 : first.properties.isUppercase
            tokens.append(
                WordToken(
                    short: short, upper: capitals, spelling: spelling, spelledBits: spelledBits, start: start, end: end,
                    kind: isNumber ? .number : .word, possessive: possessive, capitalized: capitalized, mark: first,
                    hasHyphen: hasHyphen, isASCII: ascii, packed: packed, quoteByte: quote, lowerHash: lowerHash))
            i = end
        }
        return tokens
    }

    /// The bits of a mark equal to an ASCII string: its text and its `lower` (itself) may be ASCII.
    private static let markMayBeASCII = WordToken.Spelled.textMayBeASCII | WordToken.Spelled.lowerMayBeASCII

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}"
    }

    @inline(__always) static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            // One bit per ASCII letter or digit: "0"–"9" in the low word, "A"–"Z" and "a"–"z" in the high.
            let v = UInt64(c.value)
            let bits: UInt64 = v < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
            return (bits &>> (v & 63)) & 1 != 0
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
