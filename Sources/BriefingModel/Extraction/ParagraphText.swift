/// One paragraph prepared for extraction: scalars, tokens (with quote flags), sentences.
struct ParagraphText: Sendable {
    var index: Int
    var scalars: [Unicode.Scalar]
    var tokens: [Token]
    /// Sentence ranges in scalar offsets.
    var sentences: [Range<Int>]
    /// Sentence index of each token.
    var tokenSentence: [Int]
    var quotes: [QuoteSpan]

    init(index: Int, scalars: [Unicode.Scalar], quotes: [QuoteSpan], lexicon: ExtractionLexicon) {
        self.index = index
        self.scalars = scalars
        self.quotes = quotes
        var tokens = lexicon.tokenizer.tokenize(scalars)
        var q = 0
        for t in tokens.indices {
            while q < quotes.count, quotes[q].end <= tokens[t].start { q += 1 }
            if q < quotes.count, tokens[t].start >= quotes[q].start, tokens[t].start < quotes[q].end {
                tokens[t].inQuote = true
            }
        }
        self.tokens = tokens
        let sentences = lexicon.splitter.split(scalars)
        self.sentences = sentences
        var ts = [Int](repeating: 0, count: tokens.count)
        var s = 0
        for t in tokens.indices {
            while s + 1 < sentences.count, tokens[t].start >= sentences[s + 1].lowerBound { s += 1 }
            ts[t] = s
        }
        tokenSentence = ts
    }

    /// The text of scalar range `r`.
    func text(_ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[r])
        return String(v)
    }

    /// The text of tokens `a..<b` as written (without a final possessive), with curly apostrophes made straight.
    func text(tokens a: Int, _ b: Int) -> String {
        guard a < b, b <= tokens.count else { return "" }
        let end = tokens[b - 1].end
        var v = String.UnicodeScalarView()
        for c in scalars[tokens[a].start..<end] { v.append(c == "’" ? "'" : c) }
        return String(v)
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
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < o { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
