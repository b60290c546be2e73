/// One paragraph prepared for extraction: scalars, tokens (with quote flags), sentences.
///
/// A class, read-only once built: the scanners of an article each keep the paragraph they read, and copying a
/// struct of seven arrays retained and released every one of them (seven copies per paragraph).
final class ParagraphText: Sendable {
    let index: Int
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Sentence ranges in scalar offsets.
    let sentences: [Range<Int>]
    /// Sentence index of each token.
    let tokenSentence: [Int]
    let quotes: [QuoteSpan]
    /// Per token, the phrase matchers it starts a phrase of (`ExtractionLexicon.wordClasses`); empty when the
    /// paragraph was built without them (every lookup is then made in full).
    let classes: [UInt32]
    /// For a paragraph of `indexedTokens` tokens or more, entry `k` is the first token starting at or after
    /// scalar offset 64 k (one more entry than the offsets reach): `token(atOrAfter:)` searches one bucket.
    private let tokenBuckets: [Int32]
    static let indexedTokens = 4096

    convenience init(index: Int, scalars: [Unicode.Scalar], quotes: [QuoteSpan], lexicon: ExtractionLexicon) {
        self.init(
            index: index, scalars: scalars, quotes: quotes, tokens: lexicon.tokenizer.tokenize(scalars),
            sentences: lexicon.splitter.split(scalars), classes: lexicon.wordClasses)
    }

    convenience init(
        index: Int, scalars: [Unicode.Scalar], quotes: [QuoteSpan], tokenizer: Tokenizer, splitter: SentenceSplitter
    ) {
        self.init(
            index: index, scalars: scalars, quotes: quotes, tokens: tokenizer.tokenize(scalars),
            sentences: splitter.split(scalars))
    }

    /// The same with the tokens (`Tokenizer.tokenize` of `scalars`) and the sentence ranges
    /// (`SentenceSplitter.split` of `scalars`) already found.
    /// `classes`: the lexicon's word classes, to fill `classes` with.
    init(
        index: Int, scalars: [Unicode.Scalar], quotes: [QuoteSpan], tokens: consuming [Token],
        sentences: [Range<Int>], classes: WordHashMap? = nil
    ) {
        self.index = index
        self.scalars = scalars
        self.quotes = quotes
        self.sentences = sentences
        // The per-token arrays written over their storage in one pass (no uniqueness check per element); the
        // tokens themselves only when one inside a quotation is not flagged yet (tokens marked ahead, and shared,
        // are not copied; tokens handed over unshared are flagged in place).
        let n = tokens.count
        var ts = [Int](repeating: 0, count: n)
        var cs = [UInt32](repeating: 0, count: classes == nil ? 0 : n)
        var firstUnmarked = n
        tokens.withUnsafeBufferPointer { tb in
            ts.withUnsafeMutableBufferPointer { tsb in
                cs.withUnsafeMutableBufferPointer { cb in
                    var s = 0
                    var q = 0
                    for t in 0..<n {
                        let start = tb[t].start
                        while s + 1 < sentences.count, start >= sentences[s + 1].lowerBound { s += 1 }
                        tsb[t] = s
                        if let classes { cb[t] = UInt32(truncatingIfNeeded: classes[tb[t].hash] ?? 0) }
                        if firstUnmarked == n {
                            while q < quotes.count, quotes[q].end <= start { q += 1 }
                            if q < quotes.count, start >= quotes[q].start, start < quotes[q].end, !tb[t].inQuote {
                                firstUnmarked = t
                            }
                        }
                    }
                }
            }
        }
        if firstUnmarked < n { Self.mark(&tokens, quotes: quotes, from: firstUnmarked) }
        var buckets: [Int32] = []
        if n >= Self.indexedTokens {
            buckets = [Int32](repeating: Int32(truncatingIfNeeded: n), count: scalars.count >> 6 + 2)
            tokens.withUnsafeBufferPointer { tb in
                buckets.withUnsafeMutableBufferPointer { bb in
                    var next = 0
                    for t in 0..<n {
                        let b = min(tb[t].start >> 6, bb.count - 1)
                        while next <= b {
                            bb[next] = Int32(truncatingIfNeeded: t)
                            next += 1
                        }
                    }
                }
            }
        }
        tokenBuckets = buckets
        self.tokens = tokens
        tokenSentence = ts
        self.classes = cs
    }

    /// Flags `inQuote` the tokens from `first` on that stand inside `quotes`. A token already flagged is not written
    /// again, so a shared array whose tokens are all flagged is not copied.
    private static func mark(_ tokens: inout [Token], quotes: [QuoteSpan], from first: Int) {
        var q = 0
        for t in first..<tokens.count {
            while q < quotes.count, quotes[q].end <= tokens[t].start { q += 1 }
            if q < quotes.count, tokens[t].start >= quotes[q].start, tokens[t].start < quotes[q].end,
                !tokens[t].inQuote
            {
                tokens[t].inQuote = true
            }
        }
    }

    /// `tokens` with the tokens inside `quotes` flagged `inQuote`. A token already flagged is not written again, so
    /// tokens marked ahead (and shared) are not copied.
    static func marking(_ tokens: [Token], quotes: [QuoteSpan]) -> [Token] {
        var tokens = tokens
        mark(&tokens, quotes: quotes, from: 0)
        return tokens
    }

    /// The text of scalar range `r`.
    func text(_ r: Range<Int>) -> String { Self.string(scalars, r, straight: false) }

    /// The scalars `r` of `s` as a string, encoded to UTF-8 straight into the string's storage (no allocation for
    /// short names; appending scalars one by one is slow); `straight`: curly apostrophes made straight.
    static func string(_ s: [Unicode.Scalar], _ r: Range<Int>, straight: Bool) -> String {
        @inline(__always) func scalar(_ i: Int) -> UInt32 {
            let v = s[i].value
            return straight && v == 0x2019 ? 39 : v
        }
        var length = 0
        for i in r {
            let v = scalar(i)
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var o = 0
            for i in r {
                let v = scalar(i)
                if v < 0x80 {
                    buffer[o] = UInt8(v)
                    o += 1
                } else if v < 0x800 {
                    buffer[o] = UInt8(0xC0 | (v >> 6))
                    buffer[o + 1] = UInt8(0x80 | (v & 0x3F))
                    o += 2
                } else if v < 0x10000 {
                    buffer[o] = UInt8(0xE0 | (v >> 12))
                    buffer[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[o + 2] = UInt8(0x80 | (v & 0x3F))
                    o += 3
                } else {
                    buffer[o] = UInt8(0xF0 | (v >> 18))
                    buffer[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[o + 3] = UInt8(0x80 | (v & 0x3F))
                    o += 4
                }
            }
            return o
        }
    }

    /// The text of tokens `a..<b` as written (without a final possessive), with curly apostrophes made straight.
    func text(tokens a: Int, _ b: Int) -> String {
        guard a < b, b <= tokens.count else { return "" }
        return Self.string(scalars, tokens[a].start..<tokens[b - 1].end, straight: true)
    }

    /// Sentence index of scalar offset `o`.
    func sentence(at o: Int) -> Int {
        var lo = 0
        var hi = sentences.count - 1
        guard hi >= 0 else { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].lowerBound <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Index of the first token starting at or after scalar offset `o`.
    func token(atOrAfter o: Int) -> Int {
        var lo = 0
        var hi = tokens.count
        if o >= 0, o >> 6 + 1 < tokenBuckets.count {
            // The answer lies between the first tokens of this bucket and of the next.
            lo = Int(tokenBuckets[o >> 6])
            hi = Int(tokenBuckets[o >> 6 + 1])
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < o { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
