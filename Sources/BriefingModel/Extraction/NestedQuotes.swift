/// Quotations quoted inside another one and tagged with their source right after the closing mark:
/// “‘Kim Jong Un says …’ PBS. I also …” — the inner span is PBS's words.
enum NestedQuotes {
    static func isSingleOpen(_ c: Unicode.Scalar) -> Bool { c == "‘" || c == "'" }
    static func isSingleClose(_ c: Unicode.Scalar) -> Bool { c == "’" || c == "'" }

    /// The inner span of `outer` and a mention of its source, when the span is followed by a tag.
    static func tagged(in outer: QuoteSpan, p: ParagraphText, lex: ExtractionLexicon) -> (QuoteSpan, NameMention)? {
        let s = p.scalars
        var i = outer.start
        while i < outer.end {
            // An opening single mark at the start of a word.
            guard isSingleOpen(s[i]), i + 1 < outer.end, Tokenizer.isLetterOrDigit(s[i + 1]),
                i == outer.start || Tokenizer.isSpace(s[i - 1])
            else {
                i += 1
                continue
            }
            var j = i + 1
            while j < outer.end {
                if isSingleClose(s[j]), j + 1 >= outer.end || !Tokenizer.isLetterOrDigit(s[j + 1]) { break }
                j += 1
            }
            guard j < outer.end, j - i > 8 else { return nil }
            // The tag: capitalized words, then a period or the end of the outer quotation.
            let a = p.token(atOrAfter: j + 1)
            var b = a
            while b < p.tokens.count, b - a < 4, p.tokens[b].isWord, p.tokens[b].isCapitalized,
                p.tokens[b].start < outer.end
            { b += 1 }
            guard b > a, b < p.tokens.count, !p.tokens[b].isWord,
                p.tokens[b].mark == "." || p.tokens[b].mark == ","
                    || p.tokens[b].start >= outer.end
            else { return nil }
            let name = p.text(tokens: a, b)
            let org = lex.organizations.match(p, at: a)
            let kind: MentionKind =
                org != nil || p.tokens[a].isAllCaps ? .organization : (b - a >= 2 ? .person : .surname)
            var m = NameMention(
                kind: kind, paragraph: p.index, first: a, end: b, nameFirst: a, nameEnd: b,
                sentence: p.tokenSentence[a],
                scalarStart: p.tokens[a].start, name: org.map { lex.organizationNames[$0.value] } ?? name)
            m.nameHashes = (a..<b).map { p.tokens[$0].hash }
            let span = QuoteSpan(paragraph: outer.paragraph, start: i + 1, end: j, open: i, close: j, group: -1)
            return (span, m)
        }
        return nil
    }
}
