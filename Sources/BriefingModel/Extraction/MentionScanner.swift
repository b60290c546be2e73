/// Finds the mentions of one paragraph (outside quotations): names with their roles and appositions,
/// roles alone, groups, organizations, countries and pronouns. Names are recognised by capitalization
/// and the lexicons of titles, organizations and countries; no name is known in advance.
struct MentionScanner {
    let lex: ExtractionLexicon
    let p: ParagraphText

    /// A role phrase before a name: qualifiers (country, organization), modifiers and titles.
    struct RolePhrase {
        var first: Int
        var end: Int
        /// First token of the role text (after a determiner).
        var textFirst: Int
        var titles: [UInt64]
        var gender: Gender
        var honorificOnly: Bool
        var speaksForOrganization = false
        var hasDeterminer: Bool
        var hasPossessiveQualifier: Bool
        var hasQualifier: Bool
        /// The last title is capitalized ("President", "Chairman").
        var capitalizedTitle: Bool
    }

    func isWord(_ i: Int) -> Bool { i < p.tokens.count && p.tokens[i].isWord && !p.tokens[i].inQuote }
    func isMark(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i < p.tokens.count && !p.tokens[i].isWord && p.tokens[i].mark == c
    }

    func scan() -> [NameMention] {
        var out: [NameMention] = []
        // Most paragraphs hold a few mentions: room for them at once, not four growths.
        out.reserveCapacity(8)
        let toks = p.tokens
        var i = datelineEnd()
        while i < toks.count {
            guard isWord(i) else {
                i += 1
                continue
            }
            // Most words are lowercase and start nothing.
            if !toks[i].isCapitalized, !lex.mentionStarts.contains(p, i) {
                i += 1
                continue
            }
            let sentenceStart = i == 0 || p.tokenSentence[i - 1] != p.tokenSentence[i]
            // Pronouns ("its leader" is a role).
            let possessiveRole = lex.possessiveDeterminers.contains(p, i) && rolePhrase(at: i) != nil
            if !possessiveRole, !toks[i].isCapitalized || sentenceStart || i == 0 || !toks[i - 1].isWord {
                if let g = lex.pronoun(p, i) {
                    var m = make(.pronoun, i, i + 1, name: p.text(tokens: i, i + 1))
                    m.gender = g
                    out.append(m)
                    i += 1
                    continue
                }
                if lex.pluralPronouns.contains(p, i) || lex.thingPronouns.contains(p, i) {
                    var m = make(.pronoun, i, i + 1, name: p.text(tokens: i, i + 1))
                    m.plural = lex.pluralPronouns.contains(p, i)
                    m.thing = !m.plural
                    out.append(m)
                    i += 1
                    continue
                }
            }
            // A role phrase, then a name, or the role alone.
            if let r = rolePhrase(at: i) {
                var k = r.end
                var comma = false
                if isMark(k, ","), r.hasPossessiveQualifier || r.hasDeterminer {
                    k += 1
                    comma = true
                }
                if let nameEnd = name(at: k, allowSingle: true),
                    !(comma && nameEnd - k == 1 && !r.hasPossessiveQualifier)
                {
                    var m = make(
                        nameEnd - k >= 2 ? .person : .surname, r.first, nameEnd, name: p.text(tokens: k, nameEnd))
                    m.nameFirst = k
                    m.nameHashes = (k..<nameEnd).map { toks[$0].hash }
                    m.titles = r.titles
                    m.gender = r.gender != .unknown ? r.gender : firstNameGender(m.nameHashes)
                    m.titled = true
                    if !r.honorificOnly { m.role = p.text(tokens: r.textFirst, r.end).trimmingTrailingComma }
                    m.isPossessive = toks[nameEnd - 1].isPossessive
                    i = nameEnd
                    if comma, isMark(i, ",") {
                        i += 1
                    } else if !comma, !m.isPossessive {
                        i = apposition(after: nameEnd, &m)
                    }
                    out.append(m)
                    continue
                }
                if (r.hasDeterminer || r.hasPossessiveQualifier) && !r.honorificOnly,
                    let (comma, nameStart, nameEnd) = appositiveName(after: r.end)
                {
                    // "The U.S. special representative for North Korea, Stephen Biegun," / "the head of its
                    // delegation, ambassador-at-large Kim Myong Gil,".
                    var m = make(.person, r.first, nameEnd, name: p.text(tokens: nameStart, nameEnd))
                    m.nameFirst = nameStart
                    m.nameHashes = (nameStart..<nameEnd).map { toks[$0].hash }
                    m.titles = r.titles
                    m.gender = r.gender != .unknown ? r.gender : firstNameGender(m.nameHashes)
                    m.role = p.text(tokens: r.textFirst, comma)
                    m.isPossessive = toks[nameEnd - 1].isPossessive
                    out.append(m)
                    i = isMark(nameEnd, ",") ? nameEnd + 1 : nameEnd
                    continue
                }
                // "the official KCNA news agency": a title before a capitalized word is an adjective.
                if (r.hasDeterminer || r.hasPossessiveQualifier) && !r.honorificOnly
                    && !(isWord(r.end) && toks[r.end].isCapitalized)
                {
                    var m = make(.roleOnly, r.first, r.end, name: p.text(tokens: r.textFirst, r.end))
                    m.titles = r.titles
                    m.gender = r.gender
                    m.speaksForOrganization = r.speaksForOrganization
                    if r.hasDeterminer { m.determiner = toks[r.first].hash }
                    m.role = m.name
                    m.isPossessive = toks[r.end - 1].isPossessive
                    out.append(m)
                    i = r.end
                    continue
                }
            }
            // "the statement", "the joint declaration": a document that speaks; "the ministry": an organization again.
            if let (end, kind, nameStart) = documentOrReference(at: i) {
                let name =
                    kind == .document ? "the " + p.text(tokens: nameStart, end) : p.text(tokens: i, end).lowercasedFirst
                var m = make(kind, i, end, name: name)
                m.head = toks[end - 1].hash
                m.isPossessive = toks[end - 1].isPossessive
                out.append(m)
                i = end
                continue
            }
            // Organizations (lexicon, or a capitalized phrase ending in an organization word), maybe with a group noun.
            if let (orgName, end) = organization(at: i) {
                if let g = lex.groupNouns.match(p, at: end), allWords(end, end + g.count) {
                    out.append(make(.group, i, end + g.count, name: p.text(tokens: skipDeterminer(i), end + g.count)))
                    i = end + g.count
                    continue
                }
                var m = make(.organization, i, end, name: orgName)
                m.isPossessive = toks[end - 1].isPossessive
                out.append(m)
                i = end
                continue
            }
            // Countries by name or adjective, and "<adjective> officials" groups.
            if let c = country(at: i) {
                if !toks[c.end - 1].isPossessive, let g = lex.groupNouns.match(p, at: c.end),
                    allWords(c.end, c.end + g.count)
                {
                    out.append(
                        make(.group, i, c.end + g.count, name: p.text(tokens: skipDeterminer(i), c.end + g.count)))
                    i = c.end + g.count
                    continue
                }
                if !c.adjective {
                    var m = make(.country, i, c.end, name: lex.countryCanonical[c.index])
                    m.isPossessive = toks[c.end - 1].isPossessive
                    out.append(m)
                }
                i = c.end
                continue
            }
            // "the two leaders", "both men": a pair.
            if let g = lex.groupNouns.match(p, at: i), allWords(i, i + g.count), i > 0, isWord(i - 1),
                toks[i - 1].hash == lex.wordTwo || toks[i - 1].hash == lex.wordBoth
            {
                let first = i >= 2 && isWord(i - 2) && lex.determiners.contains(p, i - 2) ? i - 2 : i - 1
                out.append(make(.pair, first, i + g.count, name: p.text(tokens: first, i + g.count)))
                i += g.count
                continue
            }
            // A bare group noun ("officials said").
            if let g = lex.groupNouns.match(p, at: i),
                allWords(i, i + g.count)
            {
                var m = make(.group, i, i + g.count, name: p.text(tokens: i, i + g.count))
                m.bareGroup = true
                out.append(m)
                i += g.count
                continue
            }
            // A capitalized name — not one of several words after an article ("the Peace House") or a preposition
            // of place ("at Villa Elfvik Strand"): those name places and things.
            if let end = name(at: i, allowSingle: true) {
                if i > 0, end - i >= 2, isWord(i - 1), !toks[i - 1].isCapitalized, !toks[end - 1].isPossessive,
                    [lex.wordThe, lex.wordA, lex.wordAn].contains(toks[i - 1].hash)
                        || lex.placePrepositions.contains(p, i - 1)
                {
                    i = end
                    continue
                }
                var m = make(end - i >= 2 ? .person : .surname, i, end, name: p.text(tokens: i, end))
                m.nameHashes = (i..<end).map { toks[$0].hash }
                m.gender = firstNameGender(m.nameHashes)
                m.afterArticle = i > 0 && isWord(i - 1) && toks[i - 1].hash == lex.wordThe
                m.isPossessive = toks[end - 1].isPossessive
                let next = m.isPossessive ? end : apposition(after: end, &m)
                out.append(m)
                i = next
                continue
            }
            i += 1
        }
        markPrepositions(&out)
        return out
    }

    private func make(_ kind: MentionKind, _ a: Int, _ b: Int, name: String) -> NameMention {
        NameMention(
            kind: kind, paragraph: p.index, first: a, end: b, nameFirst: a, nameEnd: b, sentence: p.tokenSentence[a],
            scalarStart: p.tokens[a].start, name: name)
    }

    /// After a role: an optional complement ("for North Korea", "of its delegation"), a comma, at most two
    /// lowercase words ("ambassador-at-large"), then a name of two words or more: (comma, name start, name end).
    private func appositiveName(after e: Int) -> (Int, Int, Int)? {
        let toks = p.tokens
        var k = e
        if isWord(k), lex.prepositions.contains(p, k) {
            let limit = k + 6
            while k < limit, isWord(k), !toks[k].isPossessive || k == e { k += 1 }
        }
        guard isMark(k, ",") else { return nil }
        let comma = k
        var n = k + 1
        while n < comma + 3, isWord(n), !toks[n].isCapitalized, !lex.determiners.contains(p, n) { n += 1 }
        // Titles before the name: ", Lt. Col. Jane Smith,".
        while let t = lex.titles.match(p, at: n), allWords(n, n + t.count) { n += t.count }
        guard let end = name(at: n, allowSingle: false), end - n >= 2 else { return nil }
        return (comma, n, end)
    }

    /// An apposition after a name: ", a vice chairman of …," or ", the State Department's envoy," gives the role;
    /// any other ", a California Democrat," is skipped. Returns where scanning goes on.
    private func apposition(after end: Int, _ m: inout NameMention) -> Int {
        let toks = p.tokens
        var next = end
        if isMark(end, ","), let r = rolePhrase(at: end + 1), r.hasDeterminer || r.hasPossessiveQualifier,
            !r.honorificOnly
        {
            var stop = r.end
            while stop < toks.count, !isMark(stop, ","), !isMark(stop, ";"), toks[stop].isWord || isMark(stop, "-"),
                !toks[stop].inQuote, p.tokenSentence[stop] == p.tokenSentence[end]
            {
                stop += 1
            }
            if m.role == nil || m.titles.isEmpty { m.role = p.text(tokens: r.textFirst, stop) }
            m.titles += r.titles
            if m.gender == .unknown { m.gender = r.gender }
            next = isMark(stop, ",") ? stop + 1 : stop
        } else if isMark(end, ","), isWord(end + 1), !toks[end + 1].inQuote,
            lex.determiners.contains(p, end + 1)
        {
            var stop = end + 2
            while stop < min(toks.count, end + 14), toks[stop].isWord || isMark(stop, "-"), !toks[stop].inQuote,
                p.tokenSentence[stop] == p.tokenSentence[end]
            {
                stop += 1
            }
            if isMark(stop, ","), stop > end + 2 {
                if m.role == nil { m.role = p.text(tokens: end + 2, stop) }
                next = stop + 1
            }
        }
        return next
    }

    private func firstNameGender(_ hs: [UInt64]) -> Gender {
        guard hs.count >= 2, let f = hs.first else { return .unknown }
        return lex.firstNames[f] ?? .unknown
    }

    private func allWords(_ a: Int, _ b: Int) -> Bool {
        guard b <= p.tokens.count else { return false }
        for k in a..<b where !isWord(k) { return false }
        return true
    }

    private func skipDeterminer(_ i: Int) -> Int {
        lex.determiners.contains(p, i) ? i + 1 : i
    }

    private func markPrepositions(_ ms: inout [NameMention]) {
        for k in ms.indices {
            var j = ms[k].first - 1
            // Skip a determiner or possessive pronoun and adjectives in lowercase ("with the senior …").
            var steps = 0
            while j >= 0, steps < 3, isWord(j), !p.tokens[j].isCapitalized,
                lex.determiners.contains(p, j) || lex.modifiers.contains(p, j)
                    || lex.numberWord(p, j) != nil
                    || Tokenizer.isNumeric(p.scalars[p.tokens[j].start])
            {
                j -= 1
                steps += 1
            }
            if j >= 0, isWord(j), lex.prepositions.contains(p, j) {
                ms[k].afterPreposition = true
                ms[k].afterConjunction = lex.conjunctions.contains(p, j)
            }
        }
    }

    /// A definite document noun phrase or organization head word at `i`: "the (joint) statement", "the ministry".
    /// Returns the end, the kind and where the document's name starts (its capitalized qualifiers and noun).
    func documentOrReference(at i: Int) -> (Int, MentionKind, Int)? {
        let toks = p.tokens
        let h = toks[i].hash
        let definite = h == lex.wordThe || h == lex.wordThis
        guard isWord(i), definite || h == lex.wordA || h == lex.wordAn, !toks[i].isPossessive else {
            return nil
        }
        var k = i + 1
        while k < i + 4, isWord(k) {
            if let d = lex.documentParts.match(p, at: k), allWords(k, k + d.count), !toks[k].isCapitalized,
                definite || k > i + 1
            {
                return (k + d.count, .documentPart, i)
            }
            if let d = lex.documentNouns.match(p, at: k), allWords(k, k + d.count),
                !toks[k].isCapitalized || k > i + 1
            {
                var nameStart = k
                while nameStart > i + 1, toks[nameStart - 1].isCapitalized { nameStart -= 1 }
                return (k + d.count, .document, nameStart)
            }
            if definite, !toks[k].isCapitalized, lex.organizationHeads.contains(p, k), k == i + 1 {
                return (k + 1, .organizationReference, k)
            }
            if toks[k].isPossessive { return nil }
            k += 1
        }
        return nil
    }

    /// A country name or adjective at `i` (after an optional "the").
    func country(at i: Int) -> (index: Int, end: Int, adjective: Bool)? {
        guard isWord(i) else { return nil }
        var s = i
        if lex.determiners.contains(p, i), !p.tokens[i].isPossessive { s = i + 1 }
        guard isWord(s), p.tokens[s].isCapitalized else { return nil }
        let n = lex.countryNames.match(p, at: s)
        let a = lex.countryAdjectives.match(p, at: s)
        if let n, n.count >= (a?.count ?? 0), allWords(s, s + n.count) { return (n.value, s + n.count, false) }
        if let a, allWords(s, s + a.count), s == i { return (a.value, s + a.count, true) }
        return nil
    }

    /// An organization at `i`: a lexicon name, or a run of capitalized words ending in an organization word.
    func organization(at i: Int) -> (String, Int)? {
        guard isWord(i) else { return nil }
        var s = i
        if lex.determiners.contains(p, i), !p.tokens[i].isPossessive { s = i + 1 }
        guard isWord(s), p.tokens[s].isCapitalized else { return nil }
        if let m = lex.organizations.match(p, at: s), allWords(s, s + m.count) {
            return (lex.organizationNames[m.value], s + m.count)
        }
        // Capitalized run; a possessive country before it qualifies it ("the North's Foreign Ministry").
        var e = s
        var lastHead = -1
        while isWord(e), p.tokens[e].isCapitalized || (e > s && isConnector(e)) {
            if lex.organizationHeads.contains(p, e) && p.tokens[e].isCapitalized { lastHead = e }
            // A plural possessive inside a capitalized run belongs to the name ("Workers' Party").
            if p.tokens[e].isPossessive, !isPluralPossessive(e) || !(isWord(e + 1) && p.tokens[e + 1].isCapitalized) {
                e += 1
                break
            }
            e += 1
        }
        // A head word alone ("Party") names no organization.
        guard lastHead > s || (lastHead == s && p.tokens[s].isAllCaps) else { return nil }
        var name = p.text(tokens: s, lastHead + 1)
        if s == i, i > 0, let c = countryPossessive(endingBefore: i) {
            name = lex.countryCanonical[c] + "'s " + name
        } else if lastHead + 2 < p.tokens.count, isWord(lastHead + 1), p.tokens[lastHead + 1].hash == lex.wordIn,
            let c = country(at: lastHead + 2), !c.adjective
        {
            // "the Foreign Ministry in Pyongyang"
            name = lex.countryCanonical[c.index] + "'s " + name
        }
        return (name.trimmingPossessive, lastHead + 1)
    }

    /// The word ends in a bare apostrophe after s ("Workers'"): a plural possessive.
    private func isPluralPossessive(_ e: Int) -> Bool {
        let t = p.tokens[e]
        guard t.isPossessive, t.end < p.scalars.count else { return false }
        let c = p.scalars[t.end]
        guard c == "'" || c == "\u{2019}" else { return false }
        return t.end + 1 >= p.scalars.count || p.scalars[t.end + 1] != "s"
    }

    /// The token where a dateline ends in the first paragraph ("SEOUL, South Korea — ", "JOINT BASE X, Hawaii — "):
    /// words opening with an all-caps word and ending at a dash within the first twelve tokens; 0 when none.
    func datelineEnd() -> Int {
        guard p.index == 0, let first = p.tokens.first, first.isWord, first.isAllCaps else { return 0 }
        for k in 1..<min(p.tokens.count, 12) {
            let t = p.tokens[k]
            if !t.isWord, t.mark == "\u{2014}" || t.mark == "\u{2013}" { return k + 1 }
            if !t.isWord, t.mark != "," && t.mark != "-" { return 0 }
        }
        return 0
    }

    private func isConnector(_ e: Int) -> Bool {
        let h = p.tokens[e].hash
        return (h == lex.wordOf || h == lex.wordFor || h == lex.wordAnd) && e + 1 < p.tokens.count
            && isWord(e + 1) && p.tokens[e + 1].isCapitalized
    }

    private func countryPossessive(endingBefore i: Int) -> Int? {
        guard i > 0, p.tokens[i - 1].isPossessive else { return nil }
        for back in 1...3 where i - back >= 0 {
            if let m = lex.countryNames.match(p, at: i - back, limit: i), i - back + m.count == i {
                return m.value
            }
        }
        return nil
    }

    /// A role phrase at `i`: [the|a|an] [qualifier…] [modifier…] title… — at least one title.
    func rolePhrase(at i: Int) -> RolePhrase? {
        let toks = p.tokens
        var j = i
        var r = RolePhrase(
            first: i, end: i, textFirst: i, titles: [], gender: .unknown, honorificOnly: true, hasDeterminer: false,
            hasPossessiveQualifier: false, hasQualifier: false, capitalizedTitle: false)
        if isWord(j),
            lex.determiners.contains(p, j) || lex.possessiveDeterminers.contains(p, j)
                || toks[j].hash == lex.wordOne,
            !toks[j].isPossessive
        {
            r.hasDeterminer = true
            j += 1
            r.textFirst = j
        }
        // Qualifiers: up to two countries or organizations, possibly possessive.
        var q = 0
        while q < 2, isWord(j) {
            if let c = country(at: j), c.end > j {
                r.hasQualifier = true
                j = c.end
                if toks[j - 1].isPossessive {
                    r.hasPossessiveQualifier = true
                    break
                }
            } else if let o = lex.organizations.match(p, at: j), allWords(j, j + o.count), toks[j].isCapitalized {
                r.hasQualifier = true
                j += o.count
                if toks[j - 1].isPossessive {
                    r.hasPossessiveQualifier = true
                    break
                }
            } else {
                break
            }
            q += 1
        }
        // Capitalized words right before a title qualify it ("Trade envoy", "Senate Majority Leader").
        if !r.hasPossessiveQualifier {
            var c = j
            while c < j + 2, isWord(c), toks[c].isCapitalized, !toks[c].isPossessive,
                !lex.nameStopwords.contains(p, c)
            {
                c += 1
            }
            if c > j, isWord(c), let t = lex.titles.match(p, at: c),
                allWords(c, c + t.count),
                lex.titleInfo[t.value].kind != .honorific
            {
                r.hasQualifier = true
                j = c
            }
        }
        var sawTitle = false
        var k = j
        while isWord(k) {
            if let t = lex.titles.match(p, at: k), allWords(k, k + t.count) {
                let info = lex.titleInfo[t.value]
                r.titles.append(toks[k + t.count - 1].hash)
                if info.gender != .unknown { r.gender = info.gender }
                if info.speaksForOrganization { r.speaksForOrganization = true }
                if info.kind != .honorific { r.honorificOnly = false }
                r.capitalizedTitle = toks[k].isCapitalized
                sawTitle = true
                k += t.count
                r.end = k
                if toks[k - 1].isPossessive { break }
                continue
            }
            if lex.modifiers.contains(p, k), !toks[k].isPossessive {
                k += 1
                continue
            }
            break
        }
        guard sawTitle else { return nil }
        // A bare lowercase title with no qualifier or determiner ("officials met") is no role phrase before a name
        // unless the title is capitalized or the phrase is long enough to be one.
        return r
    }

    /// The end of a capitalized name starting at `i`, or nil. One-word names only when `allowSingle`.
    func name(at i: Int, allowSingle: Bool) -> Int? {
        let toks = p.tokens
        guard isWord(i), toks[i].isCapitalized, isNameWord(i) else { return nil }
        var e = i + 1
        if !toks[i].isPossessive {
            while isWord(e) {
                if toks[e].isCapitalized, isNameWord(e) {
                    e += 1
                    if toks[e - 1].isPossessive { break }
                    continue
                }
                // Particles inside a name ("bin", "de") when a capitalized word follows.
                if lex.nameParticles.contains(p, e), !toks[e].isCapitalized, isWord(e + 1),
                    toks[e + 1].isCapitalized,
                    isNameWord(e + 1)
                {
                    e += 1
                    continue
                }
                break
            }
        }
        if e - i == 1 && !allowSingle { return nil }
        return e
    }

    /// A capitalized word that can be part of a person's name.
    func isNameWord(_ i: Int) -> Bool {
        let t = p.tokens[i]
        if lex.nameStopwords.contains(p, i) || lex.organizationHeads.contains(p, i) || lex.pronoun(p, i) != nil {
            return false
        }
        if lex.titles.match(p, at: i) != nil { return false }
        if lex.countryNames.match(p, at: i) != nil || lex.countryAdjectives.match(p, at: i) != nil {
            return false
        }
        if lex.organizations.match(p, at: i) != nil { return false }
        if lex.cues.match(p, at: i) != nil { return false }
        // Numbers and all-digit words are no names.
        let c = p.scalars[t.start]
        if Tokenizer.isNumeric(c) { return false }
        return true
    }
}

extension String {
    var lowercasedFirst: String {
        guard let f = first, f.isUppercase else { return self }
        return f.lowercased() + dropFirst()
    }

    var trimmingTrailingComma: String {
        var s = self
        while s.hasSuffix(",") || s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    var trimmingPossessive: String {
        if hasSuffix("'s") || hasSuffix("’s") { return String(dropLast(2)) }
        if hasSuffix("'") || hasSuffix("’") { return String(dropLast(1)) }
        return self
    }
}
