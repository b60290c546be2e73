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

    func attribute(_ span: QuoteSpan) -> AttributionResult {
        let toks = p.tokens
        let sA = p.sentence(at: span.open)
        let sB = p.sentence(at: max(span.start, span.end - 1))
        let sentenceFirst = p.token(atOrAfter: p.sentences.isEmpty ? 0 : p.sentences[sA].lowerBound)
        let openTok = p.token(atOrAfter: span.open)
        let sentenceEndOffset = p.sentences.isEmpty ? p.scalars.count : p.sentences[sB].upperBound
        var afterFirst = toks.count
        var afterEnd = toks.count
        if let c = span.close {
            afterFirst = p.token(atOrAfter: c + 1)
            afterEnd = p.token(atOrAfter: sentenceEndOffset)
        }
        let before = cues(in: sentenceFirst, openTok)
        let after = cues(in: afterFirst, afterEnd)
        let wordsBefore = (sentenceFirst..<openTok).contains { toks[$0].isWord && !toks[$0].inQuote }
        var chosen: FoundCue?
        if wordsBefore, let last = before.last {
            chosen = last
        } else if let first = after.first {
            chosen = first
        } else {
            chosen = before.last
        }
        if chosen == nil, afterFirst < toks.count, afterEnd == afterFirst || !hasWords(afterFirst, afterEnd),
            let c = nextSentenceCue(after: sB)
        {
            // “Why?” she asked. — the attribution stands in the next short sentence.
            return c
        }
        guard let cue = chosen else {
            // Colon lead-in without a verb: "Her answer: “…”".
            if openTok > 0, !toks[openTok - 1].isWord, toks[openTok - 1].mark == ":",
                let m = subject(from: sentenceFirst, to: openTok - 1, first: true)
            {
                return AttributionResult(cue: nil, cueText: ":", mention: m, entity: mentions[m].entity)
            }
            return AttributionResult()
        }
        let text = p.text(tokens: cue.token, cue.token + cue.count)
        let m = speaker(for: cue, span: span, sentenceFirst: sentenceFirst, afterFirst: afterFirst)
        return AttributionResult(cue: cue, cueText: text, mention: m, entity: m.flatMap { mentions[$0].entity })
    }

    private func hasWords(_ a: Int, _ b: Int) -> Bool {
        (a..<min(b, p.tokens.count)).contains { p.tokens[$0].isWord && !p.tokens[$0].inQuote }
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
    func speaker(for cue: FoundCue, span: QuoteSpan, sentenceFirst: Int, afterFirst: Int) -> Int? {
        let afterCue = cue.token + cue.count
        let sentence = p.tokenSentence[cue.token]
        if cue.kind == .after {
            return mentions.indices.first {
                mentions[$0].first >= afterCue && mentions[$0].sentence == sentence
            }
        }
        let cueAfterQuote = cue.token >= afterFirst
        let regionStart = cueAfterQuote ? afterFirst : sentenceFirst
        if cueAfterQuote {
            let between = mentions.indices.contains { mentions[$0].first >= regionStart && mentions[$0].end <= cue.token }
            if !between {
                // Inverted: “…,” said Ortagus / “…,” said the spokeswoman.
                return mentions.indices.first {
                    mentions[$0].first >= afterCue && mentions[$0].first <= afterCue + 1 && mentions[$0].sentence == sentence
                }
            }
        }
        let first = cue.participle || cue.kind == .adjunct
        if first, let m = subject(from: sentenceFirst, to: cue.token, first: true) { return m }
        return subject(from: regionStart, to: cue.token, first: false)
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
            if k >= a, k + 1 < b, p.tokens[k + 1].isWord, lex.relativePronouns.contains(p.tokens[k + 1].hash) {
                skipFrom = k
                skipTo = b
            }
        }
        let ok = mentions.indices.filter {
            let m = mentions[$0]
            guard m.first >= a, m.end <= b, !m.isPossessive, !m.afterPreposition else { return false }
            if m.first >= skipFrom && m.end <= skipTo { return false }
            if m.kind == .pronoun, m.entity == nil, m.thing { return false }
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
        let words = (a..<b).filter { p.tokens[$0].isWord }
        guard words.count <= 6, !(a..<b).contains(where: { p.tokens[$0].inQuote }) else { return nil }
        let cs = cues(in: a, b)
        guard let c = cs.first, c.kind == .verb else { return nil }
        let m = mentions.indices.first { (mentions[$0].first >= a && mentions[$0].end <= b) }
        guard let m, mentions[m].end == c.token || mentions[m].first == c.token + c.count || mentions[m].first == c.token + c.count + 1
        else { return nil }
        return AttributionResult(cue: c, cueText: p.text(tokens: c.token, c.token + c.count), mention: m, entity: mentions[m].entity)
    }

    /// True when a term cue ("so-called", "the phrase") stands right before the opening mark.
    func termCueBefore(_ span: QuoteSpan) -> Bool {
        let openTok = p.token(atOrAfter: span.open)
        for back in 1...3 where openTok - back >= 0 {
            if let m = lex.termCues.match(p.tokens, at: openTok - back, limit: openTok), openTok - back + m.count == openTok {
                return true
            }
        }
        return false
    }
}
