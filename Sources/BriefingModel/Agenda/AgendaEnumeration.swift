/// Finds an agenda enumerated in a paragraph: a counted label ("four pillars") followed in its sentence by a list
/// after a colon or "include"/"are" ("…include: A, B, C and D"). The number word must equal the items found.
struct AgendaEnumeration {
    let lex: ExtractionLexicon
    let p: ParagraphText

    func find(article: String) -> [Agenda] {
        var out: [Agenda] = []
        let toks = p.tokens
        var otherLists: [Int: String?] = [:]
        var otherInfinitives: [Int: [String]?] = [:]
        // Commas and semicolons per sentence, counted once (a long paragraph has many labels and sentences).
        var separatorCounts: [Int]?
        func separatorCount(_ sentence: Int) -> Int {
            if separatorCounts == nil { separatorCounts = separatorsPerSentence() }
            guard let counts = separatorCounts, sentence < counts.count else { return 0 }
            return counts[sentence]
        }
        var i = 0
        while i < toks.count {
            guard toks[i].isWord, let n = lex.numberWord(p, i), n >= 2 else {
                i += 1
                continue
            }
            // The label: the number word and up to three more words, ending with the first plural noun.
            var j = i + 1
            var plural = false
            while j < toks.count, j - i <= 3, toks[j].isWord, !lex.prepositions.contains(toks[j].hash),
                !lex.determiners.contains(toks[j].hash)
            {
                j += 1
                let last = p.scalars[toks[j - 1].end - 1]
                if last == "s" || last == "S" {
                    plural = true
                    break
                }
            }
            guard plural, !lex.measureNouns.contains(toks[j - 1].hash) else {
                i += 1
                continue
            }
            let label = p.text(tokens: i, j)
            let sentence = p.tokenSentence[i]
            // The list in the label's sentence, else in another sentence of the paragraph with exactly n items;
            // a sentence with fewer than n - 2 commas or semicolons holds no such list.
            var items: [String] = []
            if separatorCount(sentence) >= n - 2, let r = list(in: sentence, after: j) {
                let text = p.text(r)
                if Self.maxItems(text) >= n { items = Self.splitItems(text, count: n) }
            }
            if items.count != n {
                // The list stands near its label: within three sentences either way (this also keeps a very long
                // paragraph with many counted labels linear).
                let nearby = max(0, sentence - 3)..<min(p.sentences.count, sentence + 4)
                for other in nearby where other != sentence && separatorCount(other) >= n - 2 {
                    // The list text and the infinitives of a sentence do not depend on the label: read them once.
                    if otherLists[other] == nil {
                        let first = p.token(atOrAfter: p.sentences[other].lowerBound)
                        otherLists[other] = .some(list(in: other, after: first).map { p.text($0) })
                    }
                    if let text = otherLists[other] ?? nil, Self.maxItems(text) >= n {
                        let found = Self.splitItems(text, count: n)
                        if found.count == n {
                            items = found
                            break
                        }
                    }
                    if otherInfinitives[other] == nil { otherInfinitives[other] = .some(infinitives(in: other)) }
                    if let found = otherInfinitives[other] ?? nil, found.count == n {
                        items = found
                        break
                    }
                }
            }
            if items.count == n {
                let id = AgendaText.slug(label)
                let agendaItems = items.enumerated().map { AgendaItem(id: "\(id).\($0.offset + 1)", text: $0.element) }
                out.append(Agenda(id: id, label: label, article: article, paragraph: p.index, items: agendaItems))
                return out
            }
            i = j
        }
        return out
    }

    /// The commas and semicolons of each sentence, counted in one pass over the paragraph's scalars.
    private func separatorsPerSentence() -> [Int] {
        p.scalars.withUnsafeBufferPointer { b in
            p.sentences.map { r in
                var n = 0
                let lo = max(0, r.lowerBound)
                for i in lo..<max(lo, min(b.count, r.upperBound)) {
                    let v = b[i].value
                    n &+= v == 44 || v == 59 ? 1 : 0
                }
                return n
            }
        }
    }

    /// The scalar range of the list of sentence `sentence` that starts after token `j`, trailing period excluded.
    private func list(in sentence: Int, after j: Int) -> Range<Int>? {
        guard let start = listStart(after: j, sentence: sentence) else { return nil }
        var end = p.sentences.isEmpty ? p.scalars.count : p.sentences[sentence].upperBound
        while end > start, p.scalars[end - 1] == "." || Tokenizer.isSpace(p.scalars[end - 1]) { end -= 1 }
        return end > start ? start..<end : nil
    }

    /// A list of parallel infinitives: "pledged to establish A, to build B, to work toward C, and to recover D".
    private func infinitives(in sentence: Int) -> [String]? {
        let r = p.sentences[sentence]
        // At least two "to" before any string is built.
        let a = p.token(atOrAfter: r.lowerBound)
        let b = p.token(atOrAfter: r.upperBound)
        guard (a..<b).filter({ p.tokens[$0].isWord && p.tokens[$0].hash == lex.wordTo }).count >= 2 else { return nil }
        // Some item after a comma must open with "to" (", to", ", and to", ",” or to"): else no string is built.
        guard (a..<b).contains(where: { commaBeforeTo($0, end: b) }) else { return nil }
        return Self.infinitiveItems(p.text(r))
    }

    /// The items of a sentence that lists parallel infinitives, read on its UTF-8 bytes (every separator is
    /// ASCII, so no byte of a longer character is taken for one): after the first " to ", split at ", " (a comma
    /// before a closing mark separates too: "…Peninsula,” and to recover"), each part trimmed of white space
    /// and of a leading "and " then "or "; every part after the first must open with "to " (dropped). Nil when
    /// the sentence is no such list.
    static func infinitiveItems(_ sentence: String) -> [String]? {
        var bytes = Array(sentence.utf8)
        // ",” " → "”, ", then ",\" " → "\", " (each replacement as long as what it replaces).
        moveComma(in: &bytes, before: [0xE2, 0x80, 0x9D])
        moveComma(in: &bytes, before: [0x22])
        guard let first = find([0x20, 0x74, 0x6F, 0x20], in: bytes, from: 0) else { return nil }
        var end = bytes.count
        while end > first + 4, bytes[end - 1] == 0x2E { end -= 1 }
        var parts: [ArraySlice<UInt8>] = []
        var start = first + 4
        while let comma = find([0x2C, 0x20], in: bytes[..<end], from: start) {
            parts.append(trimmedItem(bytes[start..<comma]))
            start = comma + 2
        }
        parts.append(trimmedItem(bytes[start..<end]))
        let to: [UInt8] = [0x74, 0x6F, 0x20]
        guard parts.count >= 2, parts.dropFirst().allSatisfy({ $0.starts(with: to) }) else { return nil }
        return [String(decoding: parts[0], as: UTF8.self)]
            + parts.dropFirst().map { String(decoding: $0.dropFirst(3), as: UTF8.self) }
    }

    /// Every ", " + `mark` + " " becomes `mark` + ", " + " " in one left-to-right pass (matches do not overlap).
    private static func moveComma(in bytes: inout [UInt8], before mark: [UInt8]) {
        let pattern = [0x2C] + mark + [0x20]
        var i = 0
        while let k = find(pattern, in: bytes, from: i) {
            for (j, b) in mark.enumerated() { bytes[k + j] = b }
            bytes[k + mark.count] = 0x2C
            i = k + pattern.count
        }
    }

    /// The first index from `start` on where `pattern` occurs in `bytes`.
    private static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard let lead = pattern.first, pattern.count <= bytes.endIndex - start else { return nil }
        var i = start
        let last = bytes.endIndex - pattern.count
        while i <= last {
            if bytes[i] == lead {
                var k = 1
                while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        find(pattern, in: bytes[...], from: start)
    }

    /// A list item without surrounding white space (`CharacterSet.whitespaces`: `isHorizontalWhitespace`), then
    /// without a leading "and ", then without a leading "or ".
    private static func trimmedItem(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var t = part
        while let (scalar, length) = firstScalar(t), scalar.isHorizontalWhitespace { t = t.dropFirst(length) }
        while let (scalar, length) = lastScalar(t), scalar.isHorizontalWhitespace { t = t.dropLast(length) }
        for prefix: [UInt8] in [[0x61, 0x6E, 0x64, 0x20], [0x6F, 0x72, 0x20]] where t.starts(with: prefix) {
            t = t.dropFirst(prefix.count)
        }
        return t
    }

    /// The scalar the valid UTF-8 `bytes` open with, and its length in bytes.
    private static func firstScalar(_ bytes: ArraySlice<UInt8>) -> (Unicode.Scalar, Int)? {
        guard let b = bytes.first else { return nil }
        let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        var iterator = bytes.prefix(length).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let u) = decoder.decode(&iterator) else { return nil }
        return (u, length)
    }

    /// The scalar the valid UTF-8 `bytes` close with, and its length in bytes.
    private static func lastScalar(_ bytes: ArraySlice<UInt8>) -> (Unicode.Scalar, Int)? {
        var start = bytes.endIndex - 1
        while start > bytes.startIndex, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= bytes.startIndex, let (u, length) = firstScalar(bytes[start...]),
            start + length == bytes.endIndex
        else { return nil }
        return (u, length)
    }

    /// Token `k` is a comma followed, maybe after closing quotation marks and "and"/"or", by "to".
    private func commaBeforeTo(_ k: Int, end: Int) -> Bool {
        let toks = p.tokens
        guard !toks[k].isWord, toks[k].mark == "," else { return false }
        var t = k + 1
        while t < end, !toks[t].isWord, toks[t].mark == "\u{201D}" || toks[t].mark == "\"" { t += 1 }
        if t < end, toks[t].isWord, toks[t].hash == lex.wordAnd || toks[t].hash == lex.wordOr { t += 1 }
        return t < end && toks[t].isWord && toks[t].hash == lex.wordTo
    }

    /// Scalar offset where the list begins: after a colon, or after "include"/"are"/"namely", in the sentence.
    private func listStart(after j: Int, sentence: Int) -> Int? {
        let toks = p.tokens
        let verbs = lex.listVerbs
        var k = j
        var verbAt: Int? = nil
        while k < toks.count, p.tokenSentence[k] == sentence {
            if !toks[k].isWord, toks[k].mark == ":" { return toks[k].end }
            if verbAt == nil, toks[k].isWord, verbs.contains(toks[k].hash) { verbAt = toks[k].end }
            k += 1
        }
        return verbAt
    }

    /// The most items `splitItems` can find in `text`: one more than its separators (", ", ";", " and ", " or ").
    static func maxItems(_ text: String) -> Int {
        var n = 1
        // The four bytes before the current one.
        var (b0, b1, b2, b3): (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let space = UInt8(ascii: " ")
        for c in text.utf8 {
            if c == UInt8(ascii: ";") { n += 1 }
            if c == space {
                if b3 == UInt8(ascii: ",") { n += 1 }
                // " or " and " and " end here.
                if b1 == space, b2 == UInt8(ascii: "o"), b3 == UInt8(ascii: "r") { n += 1 }
                if b0 == space, b1 == UInt8(ascii: "a"), b2 == UInt8(ascii: "n"), b3 == UInt8(ascii: "d") { n += 1 }
            }
            (b0, b1, b2, b3) = (b1, b2, b3, c)
        }
        return n
    }

    /// Splits "A, B, C and D" into items; the final "and"/"or" splits only as far as needed to reach `count`.
    /// Read on the UTF-8 bytes when every scalar of `text` is one that cannot join a separator into a larger
    /// character (`bytesAreSafe`), else on characters through Foundation; both give the same items.
    static func splitItems(_ text: String, count: Int) -> [String] {
        let bytes = Array(text.utf8)
        guard bytesAreSafe(bytes) else { return splitItemsOnCharacters(text, count: count) }
        return splitItems(bytes: bytes, count: count)
    }

    /// True when each non-ASCII scalar of the valid UTF-8 `bytes` is a Latin letter or sign (U+00A0–U+02FF), a
    /// general punctuation mark (U+2010–U+2027, U+202F, U+2030–U+205E) or the euro sign: none of them extends
    /// the character before it, so byte comparisons with the ASCII separators agree with character ones.
    static func bytesAreSafe(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            if b == 0xC2 || b == 0xC3 || (b >= 0xC4 && b <= 0xCB) {
                // U+0080–U+02FF; C2 80–9F are C1 controls.
                guard b != 0xC2 || (i + 1 < n && bytes[i + 1] >= 0xA0) else { return false }
                i += 2
                continue
            }
            guard b == 0xE2, i + 2 < n else { return false }
            let (c, d) = (bytes[i + 1], bytes[i + 2])
            let v = 0x2000 | (UInt32(c & 0x3F) << 6) | UInt32(d & 0x3F)
            guard (v >= 0x2010 && v <= 0x2027) || v == 0x202F || (v >= 0x2030 && v <= 0x205E) || v == 0x20AC
            else { return false }
            i += 3
        }
        return true
    }

    /// `splitItems` on bytes (see `bytesAreSafe`).
    private static func splitItems(bytes: [UInt8], count: Int) -> [String] {
        // Pieces between ";" and ", ", trimmed, the empty ones dropped.
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        let n = bytes.count
        func cut(_ end: Int) {
            let t = trimmedBlank(bytes[start..<end])
            if !t.isEmpty { parts.append(t) }
        }
        while i < n {
            if bytes[i] == 0x3B {
                cut(i)
                i += 1
                start = i
            } else if bytes[i] == 0x2C, i + 1 < n, bytes[i + 1] == 0x20 {
                cut(i)
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        cut(n)
        // A leading "and " (else "or ") dropped; "…, including B" joined to the item before it.
        let joiners: [[UInt8]] = [
            Array("including ".utf8), Array("such as ".utf8), Array("especially ".utf8), Array("notably ".utf8),
        ]
        var merged: [[UInt8]] = []
        for var part in parts {
            if part.starts(with: [0x61, 0x6E, 0x64, 0x20]) {
                part = part.dropFirst(4)
            } else if part.starts(with: [0x6F, 0x72, 0x20]) {
                part = part.dropFirst(3)
            }
            if !merged.isEmpty, joiners.contains(where: { part.starts(with: $0) }) {
                merged[merged.count - 1] += [0x2C, 0x20]
                merged[merged.count - 1] += part
            } else {
                merged.append(Array(part))
            }
        }
        var items = merged
        var k = items.count - 1
        while items.count < count, k >= 0 {
            let part = items[k]
            if let r = lastIndex(of: [0x20, 0x61, 0x6E, 0x64, 0x20], in: part)
                ?? lastIndex(of: [0x20, 0x6F, 0x72, 0x20], in: part)
            {
                items.replaceSubrange(k...k, with: [Array(part[..<r.lowerBound]), Array(part[r.upperBound...])])
                k = items.count - 1
                continue
            }
            k -= 1
        }
        return items.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The range of the last occurrence of `pattern` in `bytes`.
    private static func lastIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        var s = bytes.count - pattern.count
        while s >= 0 {
            if bytes[s..<(s + pattern.count)].elementsEqual(pattern) { return s..<(s + pattern.count) }
            s -= 1
        }
        return nil
    }

    /// `part` without the white space of `CharacterSet.whitespaces` at either end (the bytes are safe: of its
    /// non-ASCII members only U+00A0 and U+202F can occur).
    private static func trimmedBlank(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var a = part.startIndex
        var b = part.endIndex
        while a < b {
            if part[a] == 0x20 || part[a] == 0x09 {
                a += 1
            } else if part[a] == 0xC2, a + 1 < b, part[a + 1] == 0xA0 {
                a += 2
            } else if part[a] == 0xE2, a + 2 < b, part[a + 1] == 0x80, part[a + 2] == 0xAF {
                a += 3
            } else {
                break
            }
        }
        while b > a {
            if part[b - 1] == 0x20 || part[b - 1] == 0x09 {
                b -= 1
            } else if b - 2 >= a, part[b - 2] == 0xC2, part[b - 1] == 0xA0 {
                b -= 2
            } else if b - 3 >= a, part[b - 3] == 0xE2, part[b - 2] == 0x80, part[b - 1] == 0xAF {
                b -= 3
            } else {
                break
            }
        }
        return part[a..<b]
    }

    /// `splitItems` character by character (any text).
    static func splitItemsOnCharacters(_ text: String, count: Int) -> [String] {
        var parts = text.split(whereSeparator: { $0 == ";" }).flatMap { $0.components(separatedBy: ", ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        parts = parts.map { p in
            for c in ["and ", "or "] where p.hasPrefix(c) { return String(p.dropFirst(c.count)) }
            return p
        }
        // "…, including B" belongs to the item before it.
        var merged: [String] = []
        for part in parts {
            if let last = merged.last,
                ["including ", "such as ", "especially ", "notably "].contains(where: part.hasPrefix)
            {
                merged[merged.count - 1] = last + ", " + part
            } else {
                merged.append(part)
            }
        }
        parts = merged
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
