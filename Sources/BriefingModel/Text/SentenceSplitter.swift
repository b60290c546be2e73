/// Splits paragraph text into sentences, aware of abbreviations, initials, numbers and quotation marks.
///
/// Offsets are Unicode-scalar offsets into the paragraph text (the unit of `Quote.start`/`end`).
public struct SentenceSplitter: Sendable {
    /// Abbreviations that never end a sentence ("Mr.", "Gen.", "Feb."), lowercased, without the final period.
    public var neverFinal: Set<String> { didSet { neverHashes = Self.hashes(neverFinal) } }
    /// Abbreviations that may end one ("U.S.", "a.m."), lowercased, without the final period: they end a
    /// sentence only when the next word is a sentence starter or an opening quotation mark follows.
    public var mayEndSentence: Set<String> { didSet { mayHashes = Self.hashes(mayEndSentence) } }
    /// Words that typically open a sentence ("The", "He", "But"), lowercased.
    public var sentenceStarters: Set<String> { didSet { starterHashes = Self.hashes(sentenceStarters) } }
    /// The three sets as word hashes (`TokenHash`): lookups without building strings.
    private var neverHashes: WordHashSet
    private var mayHashes: WordHashSet
    private var starterHashes: WordHashSet

    static func hashes(_ words: Set<String>) -> WordHashSet { WordHashSet(words.map { TokenHash.hash($0) }) }

    public init(neverFinal: Set<String>, mayEndSentence: Set<String>, sentenceStarters: Set<String>) {
        self.neverFinal = neverFinal
        self.mayEndSentence = mayEndSentence
        self.sentenceStarters = sentenceStarters
        neverHashes = Self.hashes(neverFinal)
        mayHashes = Self.hashes(mayEndSentence)
        starterHashes = Self.hashes(sentenceStarters)
    }

    /// Reads `abbreviations` (entry | never or may) and `sentence_starters` from the lexicon.
    public init(lexicon: Lexicon) {
        var never = Set<String>()
        var may = Set<String>()
        for row in lexicon.table("abbreviations").rows {
            let key = Self.normalizeAbbreviation(row.entry)
            if row[1] == "may" { may.insert(key) } else { never.insert(key) }
        }
        let starters = Set(lexicon.table("sentence_starters").entries.map { $0.lowercased() })
        self.init(neverFinal: never, mayEndSentence: may, sentenceStarters: starters)
    }

    static func normalizeAbbreviation(_ s: String) -> String {
        var t = s.lowercased()
        while t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// Sentence ranges of `text`, in Unicode-scalar offsets, trimmed of surrounding spaces.
    public func split(_ text: String) -> [Range<Int>] {
        split(Array(text.unicodeScalars))
    }

    /// Sentence ranges of a paragraph given as scalars.
    public func split(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        s.withUnsafeBufferPointer { split(buffer: $0) }
    }

    /// The same over the scalars' storage (every index is checked against `n` in the loop).
    private func split(buffer s: UnsafeBufferPointer<Unicode.Scalar>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        let n = s.count
        var i = 0
        while i < n {
            i = Self.nextTerminal(s, from: i)
            guard i < n else { break }
            // Extend over runs of terminal punctuation and closing marks/brackets.
            var j = i + 1
            while j < n, s[j] == "." || s[j] == "?" || s[j] == "!" || s[j] == "…" { j += 1 }
            while j < n, Self.isClosing(s[j]) { j += 1 }
            guard j < n else { break }
            guard Self.isSpace(s[j]) else {
                i = j
                continue
            }
            var k = j
            while k < n, Self.isSpace(s[k]) { k += 1 }
            guard k < n else { break }
            if isBoundary(s, period: i, next: k) {
                if let r = Self.trim(s, start..<j) { result.append(r) }
                start = k
            }
            i = k
        }
        if start < n, let r = Self.trim(s, start..<n) { result.append(r) }
        return result
    }

    /// The offset of the first terminal mark ('.', '!', '?', '…') at or after `i` (`s.count` when none): eight
    /// scalars at a time while none is one, then one by one through the eight that hold one (a bit test below 64).
    @inline(__always) static func nextTerminal(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> Int {
        let n = s.count
        var i = i
        guard let base = s.baseAddress.map(UnsafeRawPointer.init) else { return n }
        // The marks as vectors made once, out of the loop (made in it, the comparisons compiled to a slow loop).
        let marks = (
            SIMD8<UInt32>(repeating: 46), SIMD8<UInt32>(repeating: 33), SIMD8<UInt32>(repeating: 63),
            SIMD8<UInt32>(repeating: 0x2026)
        )
        while i < n {
            while i + 8 <= n {
                let x = base.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<UInt32>.self)
                if any((x .== marks.0) .| (x .== marks.1) .| (x .== marks.2) .| (x .== marks.3)) { break }
                i += 8
            }
            let end = min(n, i + 8)
            while i < end {
                let v = s[i].value
                if v < 64 ? (0x8000_4002_0000_0000 as UInt64) >> UInt64(v) & 1 != 0 : v == 0x2026 { return i }
                i += 1
            }
        }
        return n
    }

    private func isBoundary(_ s: UnsafeBufferPointer<Unicode.Scalar>, period i: Int, next k: Int) -> Bool {
        let nextChar = s[k]
        let nextIsOpening = Self.isOpening(nextChar)
        let nextIsUpper = Tokenizer.isUpper(nextChar) || Tokenizer.isNumeric(nextChar)
        guard nextIsUpper || nextIsOpening else { return false }
        guard s[i] == "." else { return true }
        // The word before the period.
        var w = i
        while w > 0, !Self.isSpace(s[w - 1]), !Self.isOpening(s[w - 1]), s[w - 1] != "(" { w -= 1 }
        if w == i { return true }
        // A single capital letter is an initial ("Donald J. Trump").
        if i - w == 1, s[w].properties.isUppercase { return false }
        // The word without a final period, lowercased, as a hash.
        let keyEnd = s[i - 1] == "." ? i - 1 : i
        let key = TokenHash.hash(s, w..<keyEnd)
        if neverHashes.contains(key) { return false }
        let dotted = s[w..<keyEnd].contains(".")
        if mayHashes.contains(key) || dotted {
            if nextIsOpening { return true }
            var e = k
            while e < s.count, s[e].properties.isAlphabetic || s[e] == "'" || s[e] == "’" { e += 1 }
            return starterHashes.contains(TokenHash.hash(s, k..<e))
        }
        return true
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{00A0}" || c == "\n" }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "”" || c == "’" || c == "'" || c == ")" || c == "]" || c == "»"
    }

    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "“" || c == "‘" || c == "'" || c == "(" || c == "[" || c == "«"
    }

    static func trim(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ r: Range<Int>) -> Range<Int>? {
        var a = r.lowerBound
        var b = r.upperBound
        while a < b, isSpace(s[a]) { a += 1 }
        while b > a, isSpace(s[b - 1]) { b -= 1 }
        return a < b ? a..<b : nil
    }
}
