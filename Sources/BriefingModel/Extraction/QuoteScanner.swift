/// A span between double quotation marks in one paragraph.
struct QuoteSpan: Sendable, Hashable {
    var paragraph: Int
    /// Scalar offsets of the text inside the marks.
    var start: Int
    var end: Int
    /// Offset of the opening mark.
    var open: Int
    /// Offset of the closing mark; nil when the quote runs to the end of its paragraph.
    var close: Int?
    /// Spans of one quotation continued over several paragraphs share a group.
    var group: Int
}

/// Finds the double-quoted spans of an article: straight and curly marks mixed, nested single quotes kept inside,
/// an unclosed mark ending with its paragraph unless the next paragraph opens with a mark (a continued quotation).
enum QuoteScanner {
    @inline(__always) static func isOpeningOnly(_ c: Unicode.Scalar) -> Bool {
        c == "“" || c == "«" || c == "„" || c == "‟"
    }
    @inline(__always) static func isClosingOnly(_ c: Unicode.Scalar) -> Bool { c == "”" || c == "»" }
    @inline(__always) static func isDouble(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || isOpeningOnly(c) || isClosingOnly(c)
    }

    /// The spans of each paragraph; `paragraphs` are the scalars of each paragraph.
    static func scan(_ paragraphs: [[Unicode.Scalar]]) -> [[QuoteSpan]] {
        var result: [[QuoteSpan]] = Array(repeating: [], count: paragraphs.count)
        var group = 0
        var carried: Int? = nil  // group of a quotation left open at the end of the previous paragraph
        for (p, s) in paragraphs.enumerated() {
            var spans: [QuoteSpan] = []
            var open: Int? = nil
            var openGroup = 0
            let firstMark = firstNonSpace(s)
            func close(at end: Int, mark: Int?) {
                guard let o = open else { return }
                var e = end
                while e > o + 1, Tokenizer.isSpace(s[e - 1]) { e -= 1 }
                if e > o + 1 {
                    spans.append(QuoteSpan(paragraph: p, start: o + 1, end: e, open: o, close: mark, group: openGroup))
                }
                open = nil
            }
            func begin(_ i: Int) {
                open = i
                if let g = carried, i == firstMark {
                    openGroup = g
                } else {
                    group += 1
                    openGroup = group
                }
            }
            var i = -1
            while true {
                i = nextMark(s, after: i)
                guard i < s.count else { break }
                let c = s[i]
                if isOpeningOnly(c) {
                    if open != nil { close(at: i, mark: nil) }
                    begin(i)
                } else if isClosingOnly(c) {
                    if open != nil { close(at: i, mark: i) }
                } else if let o = open {
                    // A straight mark closes, unless it plainly opens a new quotation after an unclosed one.
                    let prevSpace = i == 0 || Tokenizer.isSpace(s[i - 1]) || s[i - 1] == "("
                    let nextWord = i + 1 < s.count && Tokenizer.isLetterOrDigit(s[i + 1])
                    if prevSpace && nextWord && i > o + 1 {
                        close(at: i, mark: nil)
                        begin(i)
                    } else {
                        close(at: i, mark: i)
                    }
                } else {
                    begin(i)
                }
            }
            carried = nil
            if open != nil {
                let g = openGroup
                close(at: s.count, mark: nil)
                // Continued only when the next paragraph opens with a mark.
                if p + 1 < paragraphs.count, let f = firstNonSpace(paragraphs[p + 1]),
                    isOpeningOnly(paragraphs[p + 1][f]) || paragraphs[p + 1][f] == "\""
                {
                    carried = g
                }
            }
            result[p] = spans
        }
        return result
    }

    /// The offset of the first double quotation mark after `i` in `s` (`s.count` when none), read over the
    /// scalars' storage: eight at a time while none is '"' or beyond ASCII (most scalars), one by one through
    /// the eight that hold one (a curly apostrophe, say), then eight at a time again.
    @inline(__always) static func nextMark(_ s: [Unicode.Scalar], after i: Int) -> Int {
        s.withUnsafeBufferPointer { b in
            let n = b.count
            var k = i + 1
            guard let base = b.baseAddress.map(UnsafeRawPointer.init) else { return n }
            let (quote, ascii) = (SIMD8<UInt32>(repeating: 0x22), SIMD8<UInt32>(repeating: 0x80))
            while k < n {
                while k + 8 <= n {
                    let x = base.loadUnaligned(fromByteOffset: 4 * k, as: SIMD8<UInt32>.self)
                    if any((x .== quote) .| (x .>= ascii)) { break }
                    k += 8
                }
                let end = min(n, k + 8)
                while k < end {
                    let v = b[k].value
                    if v < 0x80 ? v == 0x22 : isDouble(b[k]) { return k }
                    k += 1
                }
            }
            return n
        }
    }

    static func firstNonSpace(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < s.count, Tokenizer.isSpace(s[i]) { i += 1 }
        return i < s.count ? i : nil
    }
}
