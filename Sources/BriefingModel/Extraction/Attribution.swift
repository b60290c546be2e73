/// A reporting cue found near a quotation.
struct FoundCue: Sendable {
    var token: Int
    var count: Int
    var kind: CueKind
    var participle: Bool
}

/// What attribution decided for one quoted span.
struct AttributionResult: Sendable {
    var cue: FoundCue?
    /// The cue's words ("said", "according to"), or ":" for a colon lead-in.
    var cueText: String?
    /// Index into the paragraph's mentions of the speaker mention.
    var mention: Int?
    /// The resolved entity (nil when the mention could not be resolved).
    var entity: Int?
    /// A second mention that speaks together with the first ("Moon and Kim announced").
    var partner: Int? = nil
}

/// Finds the reporting cue of a quotation and the mention that speaks it. This is where a quote gets its speaker.
///
/// The cue is the nearest reporting verb before the quotation in its sentence, else the first one after it
/// (outside any quotation). The speaker is: after "according to", the next mention; for an inverted
/// `“…,” said X`, the mention right after the verb; else the subject before the verb — the nearest mention
/// that stands after no preposition and is no possessive, or for a participle ("saying") and adjuncts
/// ("in a statement") the clause subject, the first such mention of the sentence.
struct Attribution {
    let lex: ExtractionLexicon
    let p: ParagraphText
    let mentions: [NameMention]

    /// How far from a quotation its attribution is looked for, in tokens (bounds the work on huge paragraphs).
    static let window = 80

    /// Indices of the mentions whose first token lies in `a..<b` (mentions are in reading order).
    func near(_ a: Int, _ b: Int) -> Range<Int> {
        func lowerBound(_ t: Int) -> Int {
            var lo = 0
            var hi = mentions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if mentions[mid].first < t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let lo = lowerBound(a)
        return lo..<max(lo, lowerBound(b))
    }

    func attribute(_ span: QuoteSpan) -> AttributionResult {
        let toks = p.tokens
        let sA = p.sentence(at: span.open)
        let sB = p.sentence(at: max(span.start, span.end - 1))
        let openTok = p.token(atOrAfter: span.open)
        let sentenceFirst = max(
            p.token(atOrAfter: p.sentences.isEmpty ? 0 : p.sentences[sA].lowerBound), openTok - Self.window)
        let sentenceEndOffset = p.sentences.isEmpty ? p.scalars.count : p.sentences[sB].upperBound
        var afterFirst = toks.count
        var afterEnd = toks.count
        if let c = span.close {
            afterFirst = p.token(atOrAfter: c + 1)
            afterEnd = min(p.token(atOrAfter: sentenceEndOffset), afterFirst + Self.window)
        }
        let before = cues(in: sentenceFirst, openTok)
        let after = cues(in: afterFirst, afterEnd)
        let wordsBefore = (sentenceFirst..<openTok).contains { toks[$0].isWord && !toks[$0].inQuote }
        // The nearest cue before the quotation when words precede it, else the first after.
        // Verbs first, then "according to", then adjuncts; each by nearness.
        // (Walked in that order without building the ordered list.)
        var fallback: AttributionResult? = nil
        func tryCue(_ cue: FoundCue) -> AttributionResult? {
            if let m = speaker(for: cue, sentenceFirst: sentenceFirst, afterFirst: afterFirst) {
                return AttributionResult(
                    cue: cue, cueText: p.text(tokens: cue.token, cue.token + cue.count), mention: m,
                    entity: mentions[m].entity, partner: partner(of: m))
            }
            if fallback == nil, cue.kind != .adjunct {
                fallback = AttributionResult(cue: cue, cueText: p.text(tokens: cue.token, cue.token + cue.count))
            }
            return nil
        }
        for kind in [CueKind.verb, .after, .adjunct] {
            for beforeFirst in [wordsBefore, !wordsBefore] {
                if beforeFirst {
                    for cue in before.reversed() where cue.kind == kind {
                        if let r = tryCue(cue) { return r }
                    }
                } else {
                    for cue in after where cue.kind == kind {
                        if let r = tryCue(cue) { return r }
                    }
                }
            }
        }
        if let fallback { return fallback }
        if afterFirst < toks.count, !hasWords(afterFirst, afterEnd), let c = nextSentenceCue(after: sB) {
            // “Why?” she asked. — the attribution stands in the next short sentence.
            return c
        }
        // Colon lead-in without a verb: "Her answer: “…”".
        if openTok > 0, !toks[openTok - 1].isWord, toks[openTok - 1].mark == ":",
            let m = subject(from: sentenceFirst, to: openTok - 1, first: true)
        {
            return AttributionResult(
                cue: nil, cueText: ":", mention: m, entity: mentions[m].entity, partner: partner(of: m))
        }
        return AttributionResult()
    }

    /// The attribution a paragraph ending with a colon gives to the quotation that opens the next one.
    func leadIn() -> AttributionResult? {
        guard let last = p.sentences.last else { return nil }
        var e = last.upperBound
        while e > last.lowerBound, Tokenizer.isSpace(p.scalars[e - 1]) { e -= 1 }
        guard e > last.lowerBound, p.scalars[e - 1] == ":" else { return nil }
        let b = p.token(atOrAfter: e - 1)
        let a = max(p.token(atOrAfter: last.lowerBound), b - Self.window)
        for cue in cues(in: a, b).reversed() where cue.kind != .after {
            if let m = speaker(for: cue, sentenceFirst: a, afterFirst: p.tokens.count) {
                return AttributionResult(
                    cue: cue, cueText: p.text(tokens: cue.token, cue.token + cue.count), mention: m,
                    entity: mentions[m].entity,
                    partner: partner(of: m))
            }
        }
        // "He then addressed the North directly:" — the subject of the sentence.
        if let m = subject(from: a, to: b, first: true), mentions[m].entity != nil {
            return AttributionResult(
                cue: nil, cueText: ":", mention: m, entity: mentions[m].entity, partner: partner(of: m))
        }
        return nil
    }

    /// The first of two speakers named together: "Moon and Kim announced".
    func partner(of m: Int) -> Int? {
        let x = mentions[m]
        guard x.kind != .pronoun, x.first >= 2, p.tokens[x.first - 1].isWord,
            p.tokens[x.first - 1].hash == lex.wordAnd
        else { return nil }
        guard let k = near(max(0, x.first - 16), x.first).last(where: { mentions[$0].end == x.first - 1 }) else {
            return nil
        }
        let y = mentions[k]
        guard
            y.kind == x.kind || (y.kind == .person || y.kind == .surname) == (x.kind == .person || x.kind == .surname),
            y.kind != .pronoun, !y.isPossessive, !y.afterPreposition
        else { return nil }
        return k
    }

    private func hasWords(_ a: Int, _ b: Int) -> Bool {
        let lower = max(0, a)
        let upper = min(b, p.tokens.count)
        guard lower < upper else { return false }
        return (lower..<upper).contains { p.tokens[$0].isWord && !p.tokens[$0].inQuote }
    }

    /// Reporting cues among tokens `a..<b`, outside quotations.
    func cues(in a: Int, _ b: Int) -> [FoundCue] {
        var out: [FoundCue] = []
        var i = a
        while i < b {
            if let m = lex.cue(p, at: i, limit: b) {
                var allOut = true
                for k in i..<(i + m.count) where p.tokens[k].inQuote || !p.tokens[k].isWord { allOut = false }
                if allOut {
                    let info = lex.cueInfo[m.value]
                    out.append(FoundCue(token: i, count: m.count, kind: info.kind, participle: info.participle))
                    i += m.count
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// The speaker mention for `cue`.
    func speaker(for cue: FoundCue, sentenceFirst: Int, afterFirst: Int) -> Int? {
        let afterCue = cue.token + cue.count
        let sentence = p.tokenSentence[cue.token]
        if cue.kind == .after {
            return near(afterCue, afterCue + 3).first { mentions[$0].sentence == sentence }
        }
        let cueAfterQuote = cue.token >= afterFirst
        let regionStart = cueAfterQuote ? afterFirst : sentenceFirst
        if cueAfterQuote {
            let between = near(regionStart, cue.token).contains { mentions[$0].end <= cue.token }
            if !between {
                // Inverted: “…,” said Ortagus / “…,” said the spokeswoman.
                return near(afterCue, afterCue + 2).first { mentions[$0].sentence == sentence }
            }
        }
        if let m = adjacentSubject(before: cue.token, from: regionStart) { return m }
        if cue.participle, cue.token > 0, p.tokens[cue.token - 1].isWord,
            lex.prepositions.contains(p, cue.token - 1)
        {
            // "called Pence a dummy for warning that": the nearest name before speaks.
            return subject(from: regionStart, to: cue.token, first: false)
        }
        if cue.participle || cue.kind == .adjunct {
            // "Trump said …, explaining that": the subject of the verb before, else the clause subject.
            let earlier = cues(in: sentenceFirst, cue.token).filter { !$0.participle && $0.kind == .verb }
            if let v = earlier.last, let m = speaker(for: v, sentenceFirst: sentenceFirst, afterFirst: afterFirst) {
                return m
            }
            if let m = subject(from: sentenceFirst, to: cue.token, first: true) { return m }
        }
        return subject(from: regionStart, to: cue.token, first: false)
    }

    /// The mention standing right before the verb ("Ortagus said", "Pompeo had said", "Choe, who had called").
    func adjacentSubject(before c: Int, from a: Int) -> Int? {
        var k = c - 1
        while k >= a, p.tokens[k].isWord, !p.tokens[k].inQuote, lex.auxiliaries.contains(p, k) { k -= 1 }
        guard k >= a, !p.tokens[k].inQuote else { return nil }
        if p.tokens[k].isWord, lex.relativePronouns.contains(p, k) {
            let end = k > 0 && !p.tokens[k - 1].isWord && p.tokens[k - 1].mark == "," ? k - 1 : k
            return near(max(a, end - 16), end).last { mentions[$0].end == end && mentions[$0].kind != .pronoun }
        }
        // After a preposition only before a participle: "ended with the North's Foreign Ministry denouncing".
        let participle = p.tokens[c].isWord && lex.cue(p, at: c).map { lex.cueInfo[$0.value].participle } == true
        return near(max(a, k - 16), k + 1).last {
            mentions[$0].end == k + 1 && !mentions[$0].isPossessive
                && (participle || !mentions[$0].afterPreposition || mentions[$0].afterConjunction)
                && !(mentions[$0].kind == .pronoun && mentions[$0].entity == nil && mentions[$0].thing)
        }
    }

    /// The subject mention among tokens `a..<b`: no possessive, not after a preposition, outside a relative
    /// clause that ends right before `b`. `first`: the first such mention, else the nearest to `b`.
    func subject(from a: Int, to b: Int, first: Bool) -> Int? {
        var skipFrom = Int.max
        var skipTo = Int.min
        if b > 0, !p.tokens[b - 1].isWord, p.tokens[b - 1].mark == "," {
            // ", who met Kim in Pyongyang, said" — skip the relative clause.
            var k = b - 2
            while k >= a, p.tokens[k].isWord || p.tokens[k].mark != "," { k -= 1 }
            // ", in a commentary published by KCNA, called" — skip a parenthetical phrase too.
            if k >= a, k + 1 < b, p.tokens[k + 1].isWord,
                lex.relativePronouns.contains(p, k + 1) || lex.prepositions.contains(p, k + 1)
            {
                skipFrom = k
                skipTo = b
            }
        }
        let ok = near(a, b).filter {
            let m = mentions[$0]
            guard m.first >= a, m.end <= b, !m.isPossessive, !m.afterPreposition else { return false }
            if m.first >= skipFrom && m.end <= skipTo { return false }
            if m.kind == .pronoun, m.entity == nil, m.thing { return false }
            // A capitalized word that resolved to no one is no subject.
            if m.kind == .surname, m.entity == nil { return false }
            return true
        }
        return first ? ok.first : ok.last
    }

    /// A short next sentence made of a mention and a cue ("she asked", "Kim said").
    private func nextSentenceCue(after s: Int) -> AttributionResult? {
        guard s + 1 < p.sentences.count else { return nil }
        let r = p.sentences[s + 1]
        let a = p.token(atOrAfter: r.lowerBound)
        let b = p.token(atOrAfter: r.upperBound)
        guard b - a <= 40 else { return nil }
        let words = (a..<b).filter { p.tokens[$0].isWord }
        guard words.count <= 6, !(a..<b).contains(where: { p.tokens[$0].inQuote }) else { return nil }
        let cs = cues(in: a, b)
        guard let c = cs.first, c.kind == .verb else { return nil }
        let m = near(a, b).first { mentions[$0].end <= b }
        guard let m,
            mentions[m].end == c.token || mentions[m].first == c.token + c.count
                || mentions[m].first == c.token + c.count + 1
        else { return nil }
        return AttributionResult(
            cue: c, cueText: p.text(tokens: c.token, c.token + c.count), mention: m, entity: mentions[m].entity)
    }

    /// True when the quotation is its whole sentence ("“They're short-range.”"): speech, never a scare quote.
    func standsAlone(_ span: QuoteSpan) -> Bool {
        guard !p.sentences.isEmpty else { return false }
        let a = p.token(atOrAfter: p.sentences[p.sentence(at: span.open)].lowerBound)
        let b = p.token(atOrAfter: p.sentences[p.sentence(at: max(span.start, span.end - 1))].upperBound)
        return !(a..<b).contains { p.tokens[$0].isWord && !p.tokens[$0].inQuote }
    }

    /// True when `cue` stands right next to the quotation ("“very productive,” according to …", "said “…”"):
    /// such a span is quoted speech even when no speaker is found.
    func cueIsAdjacent(_ cue: FoundCue?, to span: QuoteSpan) -> Bool {
        guard let cue else { return false }
        let open = p.token(atOrAfter: span.open)
        if cue.token + cue.count <= open, open - (cue.token + cue.count) <= 1 { return true }
        if let c = span.close {
            let after = p.token(atOrAfter: c + 1)
            if cue.token >= after, cue.token - after <= 2 { return true }
        }
        return false
    }

    /// True when a term cue stands right after the closing mark: "“new way,” the phrase that …".
    func termCueAfter(_ span: QuoteSpan) -> Bool {
        guard let c = span.close else { return false }
        var k = p.token(atOrAfter: c + 1)
        if k < p.tokens.count, !p.tokens[k].isWord, p.tokens[k].mark == "," { k += 1 }
        guard let m = lex.termCues.match(p, at: k) else { return false }
        return m.count >= 2
    }

    /// A one-word span used as a label before a noun: "its “byungjin” line".
    func isLabel(_ span: QuoteSpan) -> Bool {
        let o = p.token(atOrAfter: span.open)
        guard o > 0, let c = span.close, p.token(atOrAfter: span.end) - p.token(atOrAfter: span.start) == 1 else {
            return false
        }
        let before = p.tokens[o - 1]
        guard before.isWord, lex.possessiveDeterminers.contains(before.hash) || before.hash == lex.wordThe else {
            return false
        }
        let n = p.token(atOrAfter: c + 1)
        guard n < p.tokens.count, p.tokens[n].isWord, !p.tokens[n].isCapitalized else { return false }
        return lex.cue(p, at: n) == nil
    }

    /// True when a term cue ("so-called", "the phrase") stands right before the opening mark.
    func termCueBefore(_ span: QuoteSpan) -> Bool {
        let openTok = p.token(atOrAfter: span.open)
        for back in 1...3 where openTok - back >= 0 {
            if let m = lex.termCues.match(p, at: openTok - back, limit: openTok),
                openTok - back + m.count == openTok
            {
                return true
            }
        }
        return false
    }
}
