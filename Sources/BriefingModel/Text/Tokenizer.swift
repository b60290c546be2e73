/// One token of a paragraph: a word (with abbreviation periods, inner hyphens and apostrophes) or one punctuation mark.
public struct Token: Sendable, Hashable {
    /// Scalar offsets of the token in its paragraph (a possessive `’s` is not part of the word).
    public var start: Int
    public var end: Int
    /// Case-folded hash of the token text (see `TokenHash`); punctuation hashes its one scalar.
    public var hash: UInt64
    public var isWord: Bool
    /// The word starts with an uppercase letter.
    public var isCapitalized: Bool
    /// The word is followed by a possessive `’s`, `'s` or a bare `’` after a plural.
    public var isPossessive: Bool
    /// The punctuation scalar, or a space for words.
    public var mark: Unicode.Scalar
    /// Every letter of the word is uppercase and it has two or more ("UN", "DPRK", "U.S.").
    public var isAllCaps: Bool = false
    /// True when the token stands between quotation marks (set by the quote scanner).
    public var inQuote: Bool = false
}

/// Case-folded 64-bit FNV-1a hashes of words: lexicon lookups without building strings.
public enum TokenHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always) static func fold(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v >= 65 && v <= 90 { return v + 32 }
        if v < 128 { return v }
        if v == 0x2019 || v == 0x2018 { return 39 }  // curly apostrophes hash like '
        if v == 0x2010 || v == 0x2011 || v == 0x2013 { return 45 }  // hyphen variants
        if c.properties.isUppercase, let lower = c.properties.lowercaseMapping.unicodeScalars.first {
            return lower.value
        }
        return v
    }

    @inline(__always) static func combine(_ h: UInt64, _ c: Unicode.Scalar) -> UInt64 {
        var h = h
        var v = fold(c)
        repeat {
            h = (h ^ UInt64(v & 0xff)) &* prime
            v >>= 8
        } while v != 0
        return h
    }

    /// The hash of `s[range]`.
    public static func hash(_ s: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        var h = seed
        for i in range { h = combine(h, s[i]) }
        return h
    }

    /// The hash of `s[range]`, over scalar storage.
    static func hash(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt64 {
        var h = seed
        for i in range { h = combine(h, s[i]) }
        return h
    }

    /// The hash of a word given as a string. An ASCII word is read as bytes in place (a scalar below 128 is one
    /// byte, folded and combined in one step); any other goes scalar by scalar.
    public static func hash(_ word: String) -> UInt64 {
        let ascii: UInt64? =
            word.utf8.withContiguousStorageIfAvailable { bytes in
                var h = seed
                for b in bytes {
                    guard b < 128 else { return nil }
                    h = (h ^ UInt64(b &- 65 < 26 ? b | 0x20 : b)) &* prime
                }
                return h
            } ?? nil
        if let ascii { return ascii }
        var h = seed
        for c in word.unicodeScalars { h = combine(h, c) }
        return h
    }
}

/// Splits paragraph scalars into tokens in one pass.
public struct Tokenizer: Sendable {
    /// Hashes of abbreviations that keep their final period ("mr.", "gen."), from `abbreviations.txt`.
    public var abbreviations: Set<UInt64> { didSet { abbreviationTable = WordHashSet(abbreviations) } }
    /// `abbreviations` as a `WordHashSet`: the lookup of a word before a period without `Hasher`.
    private var abbreviationTable: WordHashSet

    public init(abbreviations: Set<UInt64> = []) {
        self.abbreviations = abbreviations
        abbreviationTable = WordHashSet(abbreviations)
    }

    @inline(__always) static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// A digit or other numeric scalar; ASCII answered without a Unicode property lookup.
    @inline(__always) static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return v >= 48 && v <= 57 }
        return c.properties.numericType != nil
    }

    @inline(__always) static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "’" }
    @inline(__always) static func isHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "‐" || c == "‑" }
    @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return v >= 65 && v <= 90 }
        return c.properties.isUppercase
    }
    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}" || c == "\u{2009}" || c == "\u{202F}"
    }

    /// The tokens of `s`.
    public func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        s.withUnsafeBufferPointer { tokenize(buffer: $0) }
    }

    /// The same over the scalars' storage (no bounds checks in the loop; every index is checked against `n`).
    private func tokenize(buffer s: UnsafeBufferPointer<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5 + 4)
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            // An ASCII letter or digit starts most tokens: tested first, without the space comparisons.
            let cv = c.value
            let startsWord = (cv | 0x20) &- 97 < 26 || cv &- 48 < 10
            if !startsWord, Self.isSpace(c) {
                i += 1
                continue
            }
            guard startsWord || Self.isLetterOrDigit(c) else {
                tokens.append(
                    Token(
                        start: i, end: i + 1, hash: TokenHash.combine(TokenHash.seed, c), isWord: false,
                        isCapitalized: false, isPossessive: false, mark: c))
                i += 1
                continue
            }
            let start = i
            var h = TokenHash.seed
            var dotted = false
            var possessive = false
            var end = i
            var letters = 0
            var lower = false
            while i < n {
                let d = s[i]
                // ASCII letters and digits first: one folded hash step each (what `TokenHash.combine` does for them).
                // (`a | 0x20` folds an ASCII capital to its small letter; no value from 128 up lands in a-z.)
                let a = d.value
                if (a | 0x20) &- 97 < 26 {
                    if a & 0x20 == 0 { letters += 1 } else { lower = true }
                    h = (h ^ UInt64(a | 0x20)) &* TokenHash.prime
                    i += 1
                    end = i
                    continue
                }
                if a &- 48 < 10 {
                    h = (h ^ UInt64(a)) &* TokenHash.prime
                    i += 1
                    end = i
                    continue
                }
                // A space ends the word: none of the rules below applies to it.
                if a == 0x20 { break }
                // Other ASCII goes to the rules below.
                if a >= 128, Self.isLetterOrDigit(d) {
                    if d.properties.isLowercase {
                        lower = true
                    } else if d.properties.isUppercase {
                        letters += 1
                    }
                    h = TokenHash.combine(h, d)
                    i += 1
                    end = i
                    continue
                }
                let next: Unicode.Scalar? = i + 1 < n ? s[i + 1] : nil
                let nextIsAlnum = next.map(Self.isLetterOrDigit) ?? false
                if d == "." && nextIsAlnum && (next.map(Self.isUpper) ?? false || i - start <= 2) {
                    // U.S., a.m., D.C.
                    dotted = true
                    h = TokenHash.combine(h, d)
                    i += 1
                    end = i
                    continue
                }
                if (Self.isHyphen(d) || d == "/") && nextIsAlnum {
                    h = TokenHash.combine(h, d)
                    i += 1
                    end = i
                    continue
                }
                if Self.isApostrophe(d) {
                    // Possessive ’s, or a plural possessive ’ after s.
                    if next == "s" || next == "S", i + 2 >= n || !Self.isLetterOrDigit(s[i + 2]) {
                        possessive = true
                        i += 2
                        break
                    }
                    if nextIsAlnum {
                        h = TokenHash.combine(h, d)
                        i += 1
                        end = i
                        continue
                    }
                    let prev = s[i - 1]
                    if prev == "s" && (next.map(Self.isSpace) ?? true) {
                        possessive = true
                        i += 1
                        break
                    }
                }
                if d == "." {
                    // Keep a final period for abbreviations, initials and dotted words.
                    let withDot = TokenHash.combine(h, d)
                    if dotted || (i - start == 1 && Self.isUpper(s[start])) || abbreviationTable.contains(withDot) {
                        h = withDot
                        i += 1
                        end = i
                    }
                }
                break
            }
            tokens.append(
                Token(
                    start: start, end: end, hash: h, isWord: true, isCapitalized: Self.isUpper(s[start]),
                    isPossessive: possessive, mark: " ", isAllCaps: !lower && letters >= 2))
        }
        return tokens
    }
}
