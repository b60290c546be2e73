/// Finds an agenda enumerated in a paragraph: a counted label ("four pillars") followed in its sentence by a list
/// after a colon or "include"/"are" ("…include: A, B, C and D"). The number word must equal the items found.
struct AgendaEnumeration {
    let lex: ExtractionLexicon
    let p: ParagraphText

    func find(article: String) -> [Agenda] {
        var out: [Agenda] = []
        let toks = p.tokens
        var i = 0
        while i < toks.count {
            guard toks[i].isWord, let n = lex.numberWords[toks[i].hash], n >= 2 else {
                i += 1
                continue
            }
            // The label: the number word and up to two more words, the last a plural noun.
            var j = i + 1
            while j < toks.count, j - i <= 3, toks[j].isWord, !lex.prepositions.contains(toks[j].hash) { j += 1 }
            let label = p.text(tokens: i, j)
            guard j - i >= 2, label.hasSuffix("s") else {
                i += 1
                continue
            }
            let sentence = p.tokenSentence[i]
            let sentenceEnd = p.sentences.isEmpty ? p.scalars.count : p.sentences[sentence].upperBound
            guard let listStart = listStart(after: j, sentence: sentence) else {
                i = j
                continue
            }
            var listEnd = sentenceEnd
            while listEnd > listStart, p.scalars[listEnd - 1] == "." || Tokenizer.isSpace(p.scalars[listEnd - 1]) { listEnd -= 1 }
            guard listEnd > listStart else {
                i = j
                continue
            }
            let items = Self.splitItems(p.text(listStart..<listEnd), count: n)
            if items.count == n {
                let id = AgendaText.slug(label)
                let agendaItems = items.enumerated().map { AgendaItem(id: "\(id).\($0.offset + 1)", text: $0.element) }
                out.append(Agenda(id: id, label: label, article: article, paragraph: p.index, items: agendaItems))
            }
            i = j
        }
        return out
    }

    /// Scalar offset where the list begins: after a colon, or after "include"/"are"/"namely", in the sentence.
    private func listStart(after j: Int, sentence: Int) -> Int? {
        let toks = p.tokens
        let verbs: Set<UInt64> = Set(["include", "includes", "included", "including", "are", "were", "namely"].map { TokenHash.hash($0) })
        var k = j
        var verbAt: Int? = nil
        while k < toks.count, p.tokenSentence[k] == sentence {
            if !toks[k].isWord, toks[k].mark == ":" { return toks[k].end }
            if verbAt == nil, toks[k].isWord, verbs.contains(toks[k].hash) { verbAt = toks[k].end }
            k += 1
        }
        return verbAt
    }

    /// Splits "A, B, C and D" into items; the final "and"/"or" splits only as far as needed to reach `count`.
    static func splitItems(_ text: String, count: Int) -> [String] {
        var parts = text.split(whereSeparator: { $0 == ";" }).flatMap { $0.components(separatedBy: ", ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        parts = parts.map { p in
            for c in ["and ", "or "] where p.hasPrefix(c) { return String(p.dropFirst(c.count)) }
            return p
        }
        var k = parts.count - 1
        while parts.count < count, k >= 0 {
            let part = parts[k]
            if let r = part.range(of: " and ", options: .backwards) ?? part.range(of: " or ", options: .backwards) {
                parts.replaceSubrange(k...k, with: [String(part[..<r.lowerBound]), String(part[r.upperBound...])])
                k = parts.count - 1
                continue
            }
            k -= 1
        }
        return parts
    }
}
