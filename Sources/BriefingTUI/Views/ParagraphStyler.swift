import BriefingModel

/// Styles a paragraph: quotes highlighted, speakers' names in their colors, terms marked, search matches shown.
struct ParagraphStyler {
    let index: CorpusIndex

    /// A paragraph's text where the article keeps it, unstyled (empty when there is no such paragraph).
    func plainText(_ p: ParagraphRef) -> Substring {
        guard let a = index.article(p.article), p.paragraph >= 0, p.paragraph < a.paragraphs.count else { return "" }
        return a.paragraphs[p.paragraph].textSlice
    }

    /// The paragraph's text styled, with the matches of `query` marked (none when there is no such paragraph);
    /// only the part in `window` (indices of `plainText(p)`) when given, styled as it is in the whole.
    func spans(_ p: ParagraphRef, query: String?, window: Range<String.Index>? = nil) -> [Span] {
        let (article, paragraph) = (p.article, p.paragraph)
        let text = plainText(p)
        let names = index.speakerNames(article: article, paragraph: paragraph)
        let window = window ?? text.startIndex..<text.endIndex
        // A margin of characters around the window, so a name or a match crossing its edges is found as in the whole.
        let margin = 2 * max(names.first?.name.count ?? 0, query?.count ?? 0) + 8
        let from = text.index(window.lowerBound, offsetBy: -margin, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(window.upperBound, offsetBy: margin, limitedBy: text.endIndex) ?? text.endIndex
        let chars = Array(text[from..<to])
        let shown =
            text.distance(
                from: from, to: window.lowerBound)..<(chars.count
            - text.distance(from: window.upperBound, to: to))
        guard !shown.isEmpty else { return [] }
        // Scalar offset at the start of each character, to map the model's scalar offsets.
        var scalarStart: [Int] = []
        scalarStart.reserveCapacity(chars.count + 1)
        var offset = text.unicodeScalars.distance(from: text.startIndex, to: from)
        for c in chars {
            scalarStart.append(offset)
            offset += c.unicodeScalars.count
        }
        scalarStart.append(offset)
        func charRange(_ start: Int, _ end: Int) -> Range<Int> {
            let lo = lowerBound(scalarStart, start)
            let hi = lowerBound(scalarStart, end)
            return min(lo, chars.count)..<min(max(lo, hi), chars.count)
        }
        var roles = [Role](repeating: .text, count: chars.count)
        for t in index.terms(article: article, paragraph: paragraph) {
            for i in charRange(t.start, t.end) { roles[i] = .term }
        }
        for (name, slot) in names {
            for r in occurrences(of: name, in: chars) where roles[r].allSatisfy({ $0 == .text || $0 == .term }) {
                for i in r { roles[i] = .speaker(slot) }
            }
        }
        for q in index.quotes(article: article, paragraph: paragraph) {
            // Include the quotation marks around the quoted text.
            let r = charRange(q.start, q.end)
            let lo = max(0, r.lowerBound - 1)
            let hi = min(chars.count, r.upperBound + 1)
            for i in lo..<hi { roles[i] = .quote }
        }
        if let query, !query.isEmpty {
            for r in Folding.ranges(in: chars, query: query) { for i in r { roles[i] = .match } }
        }
        var out: [Span] = []
        var i = shown.lowerBound
        while i < shown.upperBound {
            var j = i
            var s = ""
            while j < shown.upperBound, roles[j] == roles[i] {
                s.append(chars[j])
                j += 1
            }
            out.append(Span(s, roles[i]))
            i = j
        }
        return out
    }

    /// Whole-word, case-sensitive occurrences of a name.
    private func occurrences(of name: String, in chars: [Character]) -> [Range<Int>] {
        let n = Array(name)
        guard !n.isEmpty, n.count <= chars.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i + n.count <= chars.count {
            if chars[i] == n[0], Array(chars[i..<(i + n.count)]) == n,
                i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
                i + n.count == chars.count || !(chars[i + n.count].isLetter || chars[i + n.count].isNumber)
            {
                out.append(i..<(i + n.count))
                i += n.count
            } else {
                i += 1
            }
        }
        return out
    }

    private func lowerBound(_ a: [Int], _ v: Int) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
