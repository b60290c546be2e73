/// Finds temporal expressions in tokens and normalizes them against a reference date (the article's date).
///
/// Rules run over tokens, one pass, with dictionary look-ups from `TemporalLexicon`; no regular expressions.
/// Explicit dates resolve without a reference; relative ones ("on Saturday", "last June", "in two weeks")
/// need it and are `.unresolved` without it.
public struct TemporalTagger: Sendable {
    /// The lexicon behind one reference: a scan (one per sentence) reads it without copying its tables.
    final class Shared: Sendable {
        let lexicon: TemporalLexicon
        /// Every future suffix opens with an apostrophe (see `TemporalScan.isFutureCue`).
        let suffixesNeedApostrophe: Bool
        // The lexicon's word tables keyed on token hashes (`WordMap`): the same answers as its dictionaries.
        let roles: WordMap<TemporalLexicon.Roles>
        let months: WordMap<Int>
        let weekdays: WordMap<Int>
        let named: WordMap<Int>
        let fullNames: WordSet
        let units: WordMap<TemporalLexicon.Unit>
        let shifts: WordMap<Int>
        let parts: WordMap<TemporalLexicon.Part>
        /// `WordToken.hash` of each key of `lexicon.parts`: a hyphenated word whose first piece hashes to none of
        /// them ("U.S.-led", "long-range") is no "mid-2018" (`TemporalScan.part`).
        let partHashes: [UInt64]
        let directions: WordMap<Int>
        let vague: WordMap<Int>
        let rolling: WordMap<Int>
        let sequels: WordMap<Int>
        let seasons: WordMap<(first: Int, last: Int)>
        let yearCues: WordSet
        let monthJoins: WordSet

        init(_ lexicon: TemporalLexicon) {
            self.lexicon = lexicon
            roles = WordMap(lexicon.roles)
            months = WordMap(lexicon.months)
            weekdays = WordMap(lexicon.weekdays)
            named = WordMap(lexicon.named)
            fullNames = WordSet(lexicon.fullNames)
            units = WordMap(lexicon.units)
            shifts = WordMap(lexicon.shifts)
            parts = WordMap(lexicon.parts)
            partHashes = lexicon.parts.keys.map(WordToken.hash)
            directions = WordMap(lexicon.directions)
            vague = WordMap(lexicon.vague)
            rolling = WordMap(lexicon.rolling)
            sequels = WordMap(lexicon.sequels)
            seasons = WordMap(lexicon.seasons)
            yearCues = WordSet(lexicon.yearCues)
            monthJoins = WordSet(lexicon.monthJoins)
            suffixesNeedApostrophe = lexicon.futureSuffixes.allSatisfy { s in
                s.utf8.first.map { $0 == 39 || $0 == 0xE2 } ?? false
            }
        }
    }

    private(set) var shared: Shared

    // `_read` lends the shared tables: a getter would copy the whole struct (retaining every table) per use.
    public var lexicon: TemporalLexicon {
        _read { yield shared.lexicon }
        set { shared = Shared(newValue) }
    }

    public init(lexicon: TemporalLexicon) {
        self.shared = Shared(lexicon)
    }

    public init(lexicon: Lexicon) {
        self.init(lexicon: TemporalLexicon(lexicon: lexicon))
    }

    /// Tags a whole text. `tense` forces the tense of every expression; nil infers it from the clause.
    public func tag(_ text: String, reference: Day?, tense: Tense? = nil) -> [TemporalExpression] {
        let scalars = Array(text.unicodeScalars)
        let tokens = WordTokenizer.tokenize(scalars)
        return tag(tokens, in: 0..<tokens.count, source: scalars, reference: reference, tense: tense)
    }

    /// Tags the tokens in `range` (a sentence) of a paragraph whose scalars are `source`.
    public func tag(
        _ tokens: [WordToken], in range: Range<Int>, source: [Unicode.Scalar], reference: Day?, tense: Tense? = nil
    ) -> [TemporalExpression] {
        let scan = TemporalScan(
            shared: shared, tokens: tokens, lower: range.lowerBound, limit: range.upperBound,
            reference: reference, forcedTense: tense)
        var out: [TemporalExpression] = []
        let roleFilter = shared.lexicon.roleFilter
        var i = range.lowerBound
        while i < range.upperBound {
            // Most tokens start nothing: a mark, or a word the role filter rules out and without a hyphen (what
            // `match` answers nil for first), skipped without the call.
            if i < tokens.count, Self.startsNothing(tokens[i], roleFilter: roleFilter) {
                i += 1
                continue
            }
            guard let m = scan.match(at: i) else {
                i += 1
                continue
            }
            if case .date(let d)? = m.value, let y = d.range?.upperBound.year { scan.contextYear = y }
            if let value = m.value {
                var first = i
                if first > range.lowerBound, TemporalLexicon.isLeadIn(tokens[first - 1]), value.isDateLike {
                    first -= 1
                }
                let last = max(first, m.end - 1)
                let start = tokens[first].start
                let end = tokens[last].end
                let text =
                    start < end && end <= source.count ? ParagraphText.string(source, start..<end, straight: false) : ""
                var x = TemporalExpression(
                    tokens: first..<max(first + 1, m.end), start: start, end: end, text: text,
                    value: value, tense: scan.tense(at: i))
                if case .date = value,
                    let a = scan.shared.lexicon.anchors.match(tokens, at: i, limit: range.upperBound),
                    a.value.rule == .since
                {
                    x.open = true
                }
                out.append(x)
            }
            i = max(i + 1, m.next ?? m.end)
        }
        return out
    }
}

extension TemporalTagger {
    /// True for a token `TemporalScan.match` answers nil for before any look-up: a punctuation mark, or a word
    /// without a hyphen that `roleFilter` (the lexicon's) rules out.
    @inline(__always) static func startsNothing(_ t: WordToken, roleFilter: WordFilter) -> Bool {
        switch t.kind {
        case .punctuation: return true
        case .number: return false
        case .word: return !t.hasHyphen && !roleFilter.mayContain(t)
        }
    }

    /// The tense of the clause around token `i` of `range`: future when a future cue stands before it.
    public func tense(_ tokens: [WordToken], at i: Int, in range: Range<Int>) -> Tense {
        TemporalScan(
            shared: shared, tokens: tokens, lower: range.lowerBound, limit: range.upperBound, reference: nil,
            forcedTense: nil
        ).tense(at: i)
    }
}

extension TemporalValue {
    /// True for a date, resolved or not (not for offsets and anchors).
    public var isDateLike: Bool {
        switch self {
        case .date, .unresolved: return true
        default: return false
        }
    }
}

extension TemporalLexicon {
    /// Prepositions kept with the expression they introduce ("on Saturday", "in February").
    var leadIns: Set<String> { ["on", "in"] }

    /// True for a token whose `lower` is a word of `leadIns` (without building the set or the word).
    @inline(__always) static func isLeadIn(_ t: WordToken) -> Bool { t.lowerIs("on") || t.lowerIs("in") }
}

/// One pass of the tagger over a sentence.
///
/// A class: its helpers and closures share one instance instead of copying the lexicon's tables.
final class TemporalScan {
    /// A match: where it ends, what it means (nil: consumed, nothing to report), where to resume.
    struct Match {
        var end: Int
        var value: TemporalValue?
        var next: Int?
    }

    let shared: TemporalTagger.Shared
    let tokens: [WordToken]
    let lower: Int
    let limit: Int
    let reference: Day?
    let forcedTense: Tense?
    /// The year of the last date found in the sentence: "In April of last year … and again in May" is that May.
    var contextYear: Int?

    init(
        shared: TemporalTagger.Shared, tokens: [WordToken], lower: Int, limit: Int, reference: Day?,
        forcedTense: Tense?
    ) {
        self.shared = shared
        self.tokens = tokens
        self.lower = lower
        self.limit = limit
        self.reference = reference
        self.forcedTense = forcedTense
    }

    // MARK: token helpers

    /// The token `i` is in the sentence and its `lower` is `w`.
    @inline(__always) func isWord(_ i: Int, _ w: StaticString) -> Bool {
        i >= lower && i < limit && tokens[i].lowerIs(w)
    }

    /// `map[tokens[i].lower]` through the token's hash (nil outside the sentence).
    @inline(__always) func find<V>(_ map: WordMap<V>, _ i: Int) -> V? {
        i >= lower && i < limit ? map[tokens[i]] : nil
    }

    /// `set.contains(tokens[i].lower)` through the token's hash (false outside the sentence).
    @inline(__always) func has(_ set: WordSet, _ i: Int) -> Bool {
        i >= lower && i < limit && set.contains(tokens[i])
    }

    func number(_ i: Int) -> (value: Int, approximate: Bool, end: Int)? {
        guard i >= lower, i < limit else { return nil }
        let t = tokens[i]
        if t.kind == .number {
            guard !t.hasHyphen, let v = t.integer, v < 1000 else { return nil }
            return (v, false, i + 1)
        }
        guard let m = shared.lexicon.numbers.match(tokens, at: i, limit: limit) else { return nil }
        return (m.value.value, m.value.approximate, m.end)
    }

    func unit(_ i: Int) -> (unit: TemporalLexicon.Unit, plural: Bool)? {
        guard let u = find(shared.units, i) else { return nil }
        return (u, tokens[i].lowerEndsWithS)
    }

    /// A month name (capitalized; an abbreviation needs its period or a following number).
    func month(_ i: Int) -> Int? {
        guard i >= lower, i < limit, tokens[i].capitalized, let m = find(shared.months, i) else { return nil }
        if !shared.fullNames.contains(tokens[i]) {
            guard isWord(i + 1, ".") || (i + 1 >= lower && i + 1 < limit && tokens[i + 1].kind == .number) else {
                return nil
            }
        }
        return m
    }

    func weekday(_ i: Int) -> Int? {
        guard i >= lower, i < limit, tokens[i].capitalized, let d = find(shared.weekdays, i) else { return nil }
        if !shared.fullNames.contains(tokens[i]) {
            guard isWord(i + 1, ".") else { return nil }
        }
        return d
    }

    /// Skips the period of an abbreviation ("Oct." → the token after the period).
    func afterName(_ i: Int) -> Int {
        isWord(i + 1, ".")
            && !(i >= lower && i < limit ? shared.fullNames.contains(tokens[i]) : shared.fullNames.contains(""))
            ? i + 2 : i + 1
    }

    func year(_ i: Int) -> Int? {
        guard i >= lower, i < limit else { return nil }
        let t = tokens[i]
        guard t.kind == .number, t.textByteCount == 4, let v = t.integer, (1000...2999).contains(v) else {
            return nil
        }
        return v
    }

    func dayNumber(_ i: Int) -> Int? {
        guard i >= lower, i < limit else { return nil }
        let t = tokens[i]
        guard t.kind == .number, t.textByteCount <= 4, !t.hasHyphen, let v = t.integer, (1...31).contains(v)
        else { return nil }
        return v
    }

    func dayRange(_ i: Int) -> (Int, Int)? {
        guard i >= lower, i < limit, tokens[i].kind == .number else { return nil }
        let parts = tokens[i].text.split(separator: "-")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), (1...31).contains(a),
            (1...31).contains(b),
            a < b
        else { return nil }
        return (a, b)
    }

    /// `isWord(i, ",")` in two tests: only a punctuation token's text is a mark.
    @inline(__always) func isComma(_ i: Int) -> Bool {
        i >= lower && i < limit && tokens[i].kind == .punctuation && tokens[i].mark == ","
    }

    func isClauseBreak(_ i: Int) -> Bool {
        guard i >= lower, i < limit else { return true }
        return tokens[i].kind == .punctuation && WordToken.isClauseMark(tokens[i].mark)
    }

    func isDeterminerOrName(_ i: Int) -> Bool {
        guard i >= lower, i < limit, !isClauseBreak(i) else { return false }
        return tokens[i].capitalized || Self.determiners.contains(tokens[i])
    }

    static let determiners = WordSet([
        "the", "a", "an", "its", "his", "her", "their", "this", "that", "those", "these",
    ])

    /// The tokens after an anchor cue that may name the event, up to a clause break (at most 12).
    func span(from j: Int) -> Range<Int>? {
        var k = j
        while k < limit, k - j < 12, !isClauseBreak(k) { k += 1 }
        return k > j ? j..<k : nil
    }

    // MARK: tense

    static let conjunctions = WordSet(["and", "but", "or", "while", "although", "though", "whereas", "yet", "so"])

    @inline(__always) func isFutureCue(_ i: Int) -> Bool {
        guard i >= lower, i < limit else { return false }
        if shared.lexicon.futureCues.match(tokens, at: i, limit: limit) != nil { return true }
        // A suffix opening with an apostrophe (' or ’, whose UTF-8 starts with 0xE2) needs that byte in the word.
        let apostrophe = tokens[i].quoteByte
        if !apostrophe && shared.suffixesNeedApostrophe { return false }
        let w = tokens[i].lower
        for s in shared.lexicon.futureSuffixes {
            if !apostrophe, let b = s.utf8.first, b == 39 || b == 0xE2 { continue }
            if w.hasSuffix(s) { return true }
        }
        return false
    }

    /// The tense of an expression starting at token `i`: a future cue before it in its clause, else past.
    @inline(__always) func tense(at i: Int) -> Tense {
        if let forcedTense { return forcedTense }
        // Back through the clause; a comma ends it only before a conjunction ("…, and the Saturday talks"),
        // not around an apposition ("an invitation from Sweden, the host, to come back").
        var k = i - 1
        while k >= lower, i - k <= 14 {
            if isClauseBreak(k) {
                guard isComma(k), k + 1 < limit, !has(Self.conjunctions, k + 1) else { break }
            }
            if isFutureCue(k) { return .future }
            k -= 1
        }
        // "On Saturday, the two sides will meet": look past the comma when the expression opens the sentence or
        // clause (within two words of its start), not whenever the sentence's start is near ("The mood improved
        // after the trip in September, when Kim offered to …" is past).
        if i - k <= 2 {
            var e = i
            while e < limit, !isClauseBreak(e) { e += 1 }
            if e < limit, isComma(e), !has(Self.conjunctions, e + 1) {
                var f = e + 1
                while f < limit, f - e <= 6, !isClauseBreak(f) {
                    if isFutureCue(f) { return .future }
                    f += 1
                }
            }
        }
        return .past
    }

    // MARK: matching

    func match(at i: Int) -> Match? {
        switch tokens[i].kind {
        case .punctuation:
            return nil
        case .number:
            if let m = numberUnit(i) { return m }
            if let m = dayMonth(i) { return m }
            if tokens[i].textByteCount == 10, let d = Day.parseISO(tokens[i].text) {
                return Match(end: i + 1, value: .date(.day(d)))
            }
            if let y = year(i), has(shared.yearCues, i - 1),
                let d = EventDate.year(y)
            {
                return Match(end: i + 1, value: .date(d))
            }
            return nil
        case .word:
            // One look-up gives every role the word can play; most words play none.
            guard shared.lexicon.roleFilter.mayContain(tokens[i]), let roles = shared.roles[tokens[i]]
            else {
                return tokens[i].hasHyphen ? part(i) : nil
            }
            if roles.contains(.anchor), let a = shared.lexicon.anchors.match(tokens, at: i, limit: limit),
                let m = anchor(i, a.end, a.value)
            {
                return m
            }
            if !roles.isDisjoint(with: [.number, .vague]), let m = numberUnit(i) { return m }
            if roles.contains(.article), let m = sequel(i) { return m }
            if !roles.isDisjoint(with: [.shift, .rolling]), let m = shift(i) { return m }
            if roles.contains(.part), let m = part(i) { return m }
            if roles.contains(.named), let v = shared.named[tokens[i]] {
                guard let ref = reference else { return Match(end: i + 1, value: .unresolved) }
                return Match(end: i + 1, value: .date(.day(ref.adding(days: v))))
            }
            if roles.contains(.season), let m = season(i) { return m }
            if roles.contains(.weekday), let m = weekdayExpression(i, shift: nil) { return m }
            if roles.contains(.month), let m = monthExpression(i) { return m }
            return nil
        }
    }

    /// A match that is only a date (for "since June 2018", "after 2018").
    func dateOnly(at i: Int) -> Match? {
        guard i < limit, let m = match(at: i) else { return nil }
        switch m.value {
        case .date, .unresolved: return m
        default: return nil
        }
    }

    /// A duration: number + unit, or a vague plural unit ("weeks"); in days and calendar months.
    func duration(_ i: Int) -> (offset: EventOffset, end: Int)? {
        if let n = number(i), let u = unit(n.end) {
            return (offset(n.value, u.unit, approximate: n.approximate), n.end + 1)
        }
        if let count = find(shared.vague, i), let u = unit(i) {
            return (offset(count, u.unit, approximate: true), i + 1)
        }
        return nil
    }

    func offset(_ n: Int, _ unit: TemporalLexicon.Unit, approximate: Bool) -> EventOffset {
        switch unit {
        case .day: return EventOffset(days: n, window: approximate ? max(1, n / 2) : 0)
        case .week, .fortnight:
            let d = n * unit.days
            return EventOffset(days: d, window: approximate ? max(2, d / 2) : max(1, d / 4))
        case .month: return EventOffset(months: n, window: approximate ? 15 * n : 7)
        case .year: return EventOffset(months: 12 * n, window: approximate ? 90 * n : 60)
        }
    }

    func spanDays(_ o: EventOffset) -> Int { o.days + o.months * 30 }

    func anchor(_ i: Int, _ j: Int, _ a: TemporalLexicon.Anchor) -> Match? {
        switch a.rule {
        case .within:
            guard let d = duration(j) else { return nil }
            if isWord(d.end, "of"), let s = span(from: d.end + 1) {
                return Match(
                    end: d.end + 1, value: .anchor(relation: .after, dating: .within(days: spanDays(d.offset)), span: s)
                )
            }
            // "within weeks" dates what is to come; in the past it is a span ("broke down within a day").
            guard tense(at: i) == .future else { return Match(end: d.end, value: nil) }
            guard let ref = reference else { return Match(end: d.end, value: .unresolved) }
            return Match(end: d.end, value: .date(.approximate(from: ref, to: ref.adding(days: spanDays(d.offset)))))
        case .since:
            if let m = dateOnly(at: j) {
                guard case .date(let date) = m.value, let r = date.range else {
                    return Match(end: m.end, value: .unresolved)
                }
                let upper = reference.map { max($0, r.upperBound) } ?? r.upperBound
                return Match(
                    end: m.end, value: .date(.approximate(from: r.lowerBound, to: upper, center: r.lowerBound)))
            }
            guard let s = span(from: j) else { return nil }
            return Match(end: j, value: .anchor(relation: a.relation, dating: .since, span: s))
        case .none:
            if let m = dateOnly(at: j) { return Match(end: m.end, value: nil) }
            guard isDeterminerOrName(j), let s = span(from: j) else { return nil }
            return Match(end: j, value: .anchor(relation: a.relation, dating: .none, span: s))
        }
    }

    /// "in two weeks", "three days ago", "two days later", "two weeks after the summit".
    func numberUnit(_ i: Int) -> Match? {
        guard let d = duration(i) else { return nil }
        let k = d.end
        if let dir = find(shared.directions, k) {
            let signed = EventOffset(days: dir * d.offset.days, months: dir * d.offset.months, window: d.offset.window)
            if tokens[k].lowerIs("ago") {
                guard let ref = reference else { return Match(end: k + 1, value: .unresolved) }
                return Match(end: k + 1, value: signed.apply(to: .day(ref)).map(TemporalValue.date))
            }
            var objectStart = k + 1
            if isWord(objectStart, "to") { objectStart += 1 }
            if isDeterminerOrName(objectStart), let s = span(from: objectStart) {
                return Match(
                    end: objectStart,
                    value: .anchor(relation: dir > 0 ? .after : .before, dating: .offset(signed), span: s))
            }
            return Match(end: k + 1, value: .offset(signed))
        }
        // "in two weeks" is a date only in the future ("return in two weeks"); in the past it is a span
        // ("the first talks in seven months").
        if isWord(i - 1, "in"), number(i) != nil, tense(at: i - 1) == .future {
            guard let ref = reference else { return Match(end: k, value: .unresolved) }
            var o = d.offset
            o.window = max(o.window, 1)
            return Match(end: k, value: o.apply(to: .day(ref)).map(TemporalValue.date))
        }
        return nil
    }

    /// "the next day", "the following week", "the previous day": from the event just named.
    func sequel(_ i: Int) -> Match? {
        guard isWord(i, "the"), let dir = find(shared.sequels, i + 1), let u = unit(i + 2), !u.plural
        else {
            return nil
        }
        let o = offset(dir, u.unit, approximate: false)
        return Match(
            end: i + 3,
            value: .offset(EventOffset(days: o.days, months: o.months, window: u.unit == .day ? 0 : o.window)))
    }

    /// "last June", "next week", "this year", "last Saturday", "the past three months", "the coming weeks".
    func shift(_ i: Int) -> Match? {
        guard i >= lower, i < limit else { return nil }
        if let dir = find(shared.rolling, i), let d = duration(i + 1), d.end > i + 2 || unit(i + 1)?.plural == true {
            guard let ref = reference else { return Match(end: d.end, value: .unresolved) }
            let far =
                EventOffset(days: dir * d.offset.days, months: dir * d.offset.months).apply(to: .day(ref))?.range?
                .lowerBound ?? ref
            return Match(end: d.end, value: .date(.approximate(from: ref, to: far)))
        }
        guard let s = find(shared.shifts, i) else { return nil }
        if let m = weekdayExpression(i + 1, shift: s) { return Match(end: m.end, value: m.value) }
        if find(shared.seasons, i + 1) != nil, let m = season(i + 1) { return m }
        if let mo = month(i + 1) {
            let end = afterName(i + 1)
            guard let ref = reference else { return Match(end: end, value: .unresolved) }
            let y: Int
            switch s {
            case ..<0: y = mo < ref.month ? ref.year : ref.year - 1
            case 0: y = ref.year
            default: y = mo > ref.month ? ref.year : ref.year + 1
            }
            return Match(end: end, value: EventDate.month(y, mo).map(TemporalValue.date))
        }
        if let u = unit(i + 1), !u.plural {
            guard let ref = reference else { return Match(end: i + 2, value: .unresolved) }
            return Match(end: i + 2, value: period(u.unit, shift: s, ref: ref).map(TemporalValue.date))
        }
        return nil
    }

    func period(_ unit: TemporalLexicon.Unit, shift s: Int, ref: Day) -> EventDate? {
        switch unit {
        case .day: return .day(ref.adding(days: s))
        case .week, .fortnight: return .week(of: ref.adding(days: 7 * s))
        case .month:
            let d = ref.adding(months: s)
            return .month(d.year, d.month)
        case .year: return .year(ref.year + s)
        }
    }

    /// "early 2019", "late last month", "earlier this month", "mid-February", "late June of 2018".
    func part(_ i: Int) -> Match? {
        guard i >= lower, i < limit else { return nil }
        var p = find(shared.parts, i)
        var j = i + 1
        var inner: Match?
        if p == nil, tokens[i].hasHyphen {
            // Most hyphenated words start with no part: told apart on the hash of the bytes before the hyphen,
            // without cutting the word into strings.
            if let h = tokens[i].lowerHashBeforeHyphen, !shared.partHashes.contains(h) { return nil }
            // "mid-2018", "mid-February": a hyphenated part and period in one token.
            let pieces = Self.splitAtHyphen(tokens[i])
            guard pieces.count == 2, let q = shared.lexicon.parts[pieces[0]] else { return nil }
            p = q
            let rest = String(tokens[i].text.split(separator: "-", maxSplits: 1)[1])
            if let y = Int(rest), (1000...2999).contains(y) {
                inner = Match(end: i + 1, value: EventDate.year(y).map(TemporalValue.date))
            } else if let m = shared.lexicon.months[rest.lowercased()] {
                guard let ref = reference else { return Match(end: i + 1, value: .unresolved) }
                inner = Match(end: i + 1, value: bareMonth(m, tense: tense(at: i), ref: ref).map(TemporalValue.date))
            } else {
                return nil
            }
            j = i + 1
        }
        guard let part = p else { return nil }
        if inner == nil {
            // "at the end of June", "by the end of the year", "in early 2019".
            if isWord(j, "in") || isWord(j, "of") { j += 1 }
            if isWord(j, "the"), let u = unit(j + 1), !u.plural, u.unit != .day {
                guard let ref = reference else { return Match(end: j + 2, value: .unresolved) }
                let base = period(u.unit, shift: 0, ref: ref)
                guard let b = base else { return nil }
                return Match(end: j + 2, value: narrow(b, part).map(TemporalValue.date))
            }
            if let shift = find(shared.shifts, j), let u = unit(j + 1), !u.plural, u.unit != .day {
                guard let ref = reference else { return Match(end: j + 2, value: .unresolved) }
                inner = Match(end: j + 2, value: period(u.unit, shift: shift, ref: ref).map(TemporalValue.date))
            } else if month(j) != nil {
                inner = monthExpression(j)
            } else if let y = year(j) {
                inner = Match(end: j + 1, value: EventDate.year(y).map(TemporalValue.date))
            }
        }
        guard let base = inner else { return nil }
        guard case .date(let date)? = base.value else { return Match(end: base.end, value: base.value) }
        return Match(end: base.end, value: narrow(date, part).map(TemporalValue.date))
    }

    /// `t.lower.split(separator: "-", maxSplits: 1).map(String.init)`; cut on the bytes of an ASCII word whose
    /// first hyphen is neither its first nor its last byte (there a hyphen is a whole character).
    static func splitAtHyphen(_ t: WordToken) -> [String] {
        let lower = t.lower
        guard t.isASCII, let dash = lower.utf8.firstIndex(of: 45), dash != lower.startIndex,
            lower.utf8.index(after: dash) != lower.endIndex
        else { return lower.split(separator: "-", maxSplits: 1).map(String.init) }
        return [String(lower[..<dash]), String(lower[lower.utf8.index(after: dash)...])]
    }

    func narrow(_ date: EventDate, _ part: TemporalLexicon.Part) -> EventDate? {
        guard let r = date.range else { return nil }
        let a = r.lowerBound
        let b = r.upperBound
        let len = b.ordinal - a.ordinal + 1
        var lo = a
        var hi = b
        switch part {
        case .early: hi = a.adding(days: len / 3 - 1)
        case .mid:
            lo = a.adding(days: len / 3)
            hi = a.adding(days: 2 * len / 3 - 1)
        case .late: lo = a.adding(days: 2 * len / 3)
        case .earlier:
            if let ref = reference, r.contains(ref) { hi = ref }
        case .later:
            if let ref = reference, r.contains(ref) { lo = ref }
        }
        if date.precision == .year, part == .early || part == .mid || part == .late {
            // Calendar thirds of a year: January–April, May–August, September–December.
            let first = part == .early ? 1 : part == .mid ? 5 : 9
            lo = Day(year: a.year, month: first, day: 1) ?? lo
            hi = Day(year: a.year, month: first + 3, day: Day.daysIn(month: first + 3, year: a.year)) ?? hi
        }
        if date.precision == .month, len > 27, part == .early || part == .mid || part == .late {
            // Calendar thirds of a month: 1–10, 11–20, 21–end.
            lo = part == .early ? a : a.adding(days: part == .mid ? 10 : 20)
            hi = part == .late ? b : a.adding(days: part == .early ? 9 : 19)
        }
        var out = date
        out.earliest = lo
        out.latest = hi
        return out
    }

    /// "the summer", "this winter", "last spring", "summer 2018": the latest such season begun by the reference
    /// (or the next one in the future tense), approximate over its months.
    func season(_ i: Int) -> Match? {
        guard i >= lower, i < limit, i - 1 >= lower else { return nil }
        var shift = 0
        if let s = find(shared.shifts, i - 1) {
            shift = s
        } else if !(isWord(i - 1, "the") || isWord(i - 1, "in") || find(shared.parts, i - 1) != nil) {
            return nil
        }
        guard let (first, last) = find(shared.seasons, i) else { return nil }
        func span(_ startYear: Int) -> EventDate? {
            let endYear = last < first ? startYear + 1 : startYear
            guard let a = Day(year: startYear, month: first, day: 1),
                let b = Day(year: endYear, month: last, day: Day.daysIn(month: last, year: endYear))
            else { return nil }
            return .approximate(from: a, to: b)
        }
        if let y = year(i + 1) { return Match(end: i + 2, value: span(y).map(TemporalValue.date)) }
        // "the summer of 2018": the season of that year.
        if isWord(i + 1, "of"), let y = year(i + 2) { return Match(end: i + 3, value: span(y).map(TemporalValue.date)) }
        guard let ref = reference else { return Match(end: i + 1, value: .unresolved) }
        // The latest such season begun by the reference; "last" is the one before it when that one is still
        // running, "next" the one after the reference.
        var startYear = ref.month >= first ? ref.year : ref.year - 1
        let running = span(startYear)?.range?.contains(ref) ?? false
        switch shift {
        case ..<0: if running { startYear -= 1 }
        case 0: if tense(at: i) == .future, !running { startYear += 1 }
        default: startYear += 1
        }
        return Match(end: i + 1, value: span(startYear).map(TemporalValue.date))
    }

    /// A weekday, resolved by tense (past: on or before the reference; future: after it) or by shift.
    func weekdayExpression(_ i: Int, shift: Int?) -> Match? {
        guard let wd = weekday(i) else { return nil }
        let end = afterName(i)
        guard let ref = reference else { return Match(end: end, value: .unresolved) }
        let back = (ref.weekday - wd + 7) % 7
        let ahead = (wd - ref.weekday + 7) % 7
        let day: Day
        switch shift {
        case let s? where s < 0: day = ref.adding(days: -(back == 0 ? 7 : back))
        case let s? where s > 0: day = ref.adding(days: ahead == 0 ? 7 : ahead)
        case .some: day = tense(at: i - 1) == .future ? ref.adding(days: ahead) : ref.adding(days: -back)
        case nil: day = tense(at: i) == .future ? ref.adding(days: ahead == 0 ? 7 : ahead) : ref.adding(days: -back)
        }
        return Match(end: end, value: .date(.day(day)))
    }

    func bareMonth(_ m: Int, tense: Tense, ref: Day) -> EventDate? {
        if let contextYear { return .month(contextYear, m) }
        let y: Int
        if tense == .future {
            y = m >= ref.month ? ref.year : ref.year + 1
        } else {
            y = m <= ref.month ? ref.year : ref.year - 1
        }
        return .month(y, m)
    }

    /// The year of a month and day written without one: the reference's year, moved back a year for a past
    /// date that would fall more than two months after the reference ("the June 12 summit" in a May article is
    /// this June's), forward a year for a future date more than two weeks before it; after a dated expression in
    /// the same sentence, that expression's year.
    func inferredDay(_ m: Int, _ d: Int, tense: Tense, ref: Day) -> Day? {
        // "flown out in July 2018 and received on Aug. 1": the year of the date before it in the sentence.
        if let contextYear { return Day(year: contextYear, month: m, day: d) }
        guard var day = Day(year: ref.year, month: m, day: d) else { return nil }
        let ahead = day.ordinal - ref.ordinal
        if tense == .past, ahead > 60, let e = Day(year: ref.year - 1, month: m, day: d) { day = e }
        if tense == .future, ahead < -14, let l = Day(year: ref.year + 1, month: m, day: d) { day = l }
        return day
    }

    /// "June 12, 2018", "Oct. 5", "Feb. 27-28", "June of 2018", "June 2018", "February of this year", "in February";
    /// a month joined to a second ("May or June", "June to August of 2018") spans both.
    func monthExpression(_ i: Int) -> Match? {
        guard let first = singleMonthExpression(i) else { return nil }
        guard case .date(let d)? = first.value, d.precision == .month, let r = d.range,
            has(shared.monthJoins, first.end), let m2 = month(first.end + 1)
        else { return first }
        let j = afterName(first.end + 1)
        // The second month's own year when it has one ("May 2018 or June 2018"), else the first's, the next
        // year when the second month comes earlier in the calendar ("December or January").
        var end = j
        var year = r.lowerBound.year + (m2 < r.lowerBound.month ? 1 : 0)
        if isWord(j, "of"), let y = self.year(j + 1) {
            year = y
            end = j + 2
        } else if let y = self.year(j) {
            year = y
            end = j + 1
        } else if dayNumber(j) != nil {
            return first  // "May or June 12": two dates, not one span
        }
        guard let second = EventDate.month(year, m2)?.range, second.upperBound > r.upperBound else { return first }
        return Match(
            end: end,
            value: EventDate.month(r.lowerBound.year, r.lowerBound.month, from: r.lowerBound, to: second.upperBound)
                .map(TemporalValue.date))
    }

    func singleMonthExpression(_ i: Int) -> Match? {
        guard let m = month(i) else { return nil }
        let j = afterName(i)
        if let (a, b) = dayRange(j) {
            var y: Int?
            var end = j + 1
            if isWord(end, ","), let yy = year(end + 1) {
                y = yy
                end += 2
            } else if let yy = year(end) {
                y = yy
                end += 1
            }
            let year = y ?? reference.flatMap { inferredDay(m, a, tense: tense(at: i), ref: $0)?.year }
            guard let year, let da = Day(year: year, month: m, day: a), let db = Day(year: year, month: m, day: b)
            else {
                return Match(end: end, value: .unresolved)
            }
            return Match(end: end, value: .date(.days(da, db)))
        }
        if let d = dayNumber(j) {
            if isWord(j + 1, ","), let y = year(j + 2) {
                return Match(end: j + 3, value: Day(year: y, month: m, day: d).map { .date(.day($0)) })
            }
            if let y = year(j + 1) {
                return Match(end: j + 2, value: Day(year: y, month: m, day: d).map { .date(.day($0)) })
            }
            guard let ref = reference else { return Match(end: j + 1, value: .unresolved) }
            return Match(end: j + 1, value: inferredDay(m, d, tense: tense(at: i), ref: ref).map { .date(.day($0)) })
        }
        if isWord(j, "of"), let y = year(j + 1) {
            return Match(end: j + 2, value: EventDate.month(y, m).map(TemporalValue.date))
        }
        if let y = year(j) {
            return Match(end: j + 1, value: EventDate.month(y, m).map(TemporalValue.date))
        }
        var k = j
        if isWord(k, "of") { k += 1 }
        if let s = find(shared.shifts, k), let u = unit(k + 1), u.unit == .year, !u.plural {
            guard let ref = reference else { return Match(end: k + 2, value: .unresolved) }
            return Match(end: k + 2, value: EventDate.month(ref.year + s, m).map(TemporalValue.date))
        }
        // A bare month needs a word before it that makes it a date ("in February", "last June").
        guard i - 1 >= lower, i - 1 < limit,
            has(shared.yearCues, i - 1) || find(shared.parts, i - 1) != nil
                || find(shared.shifts, i - 1) != nil
                || tokens[i - 1].possessive
        else { return nil }
        guard let ref = reference else { return Match(end: j, value: .unresolved) }
        return Match(end: j, value: bareMonth(m, tense: tense(at: i), ref: ref).map(TemporalValue.date))
    }

    /// "5 October 2019", "5 October", "5th of October".
    func dayMonth(_ i: Int) -> Match? {
        guard let d = dayNumber(i) else { return nil }
        var k = i + 1
        if isWord(k, "of") { k += 1 }
        guard let m = month(k) else { return nil }
        let j = afterName(k)
        if let y = year(j) { return Match(end: j + 1, value: Day(year: y, month: m, day: d).map { .date(.day($0)) }) }
        if isWord(j, ","), let y = year(j + 1) {
            return Match(end: j + 2, value: Day(year: y, month: m, day: d).map { .date(.day($0)) })
        }
        guard let ref = reference else { return Match(end: j, value: .unresolved) }
        return Match(end: j, value: inferredDay(m, d, tense: tense(at: i), ref: ref).map { .date(.day($0)) })
    }
}
