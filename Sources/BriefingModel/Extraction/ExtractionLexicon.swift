/// Longest-match phrase lookup over token hashes, keyed by the first token; phrases stored flat.
///
/// The tables live in one final class with constant fields: a matcher read from the shared lexicon costs one
/// retain, not one per table, and reading a table needs no exclusivity check.
struct PhraseMatcher: Sendable {
    private final class Tables: Sendable {
        /// Per phrase: offset into `pool`, length, value.
        let offsets: [Int]
        let lengths: [Int]
        let values: [Int]
        let pool: [UInt64]
        /// Words written in capitals in the lexicon ("UN") match only words in capitals.
        let caps: [Bool]
        /// First word → index into `groups`.
        let byFirst: WordHashMap
        /// Phrase indices per first word, longest first.
        let groups: [[Int]]
        /// `groups` flattened: group `g` is `flat[groupStart[g]..<groupStart[g] + groupCount[g]]`.
        let flat: [Int]
        let groupStart: [Int]
        let groupCount: [Int]
        let firstWords: [UInt64]

        init(
            offsets: [Int] = [], lengths: [Int] = [], values: [Int] = [], pool: [UInt64] = [], caps: [Bool] = [],
            byFirst: WordHashMap = WordHashMap(), groups: [[Int]] = [], firstWords: [UInt64] = []
        ) {
            (self.offsets, self.lengths, self.values, self.pool, self.caps) = (offsets, lengths, values, pool, caps)
            (self.byFirst, self.groups, self.firstWords) = (byFirst, groups, firstWords)
            var flat: [Int] = []
            var groupStart: [Int] = []
            var groupCount: [Int] = []
            for g in groups {
                groupStart.append(flat.count)
                groupCount.append(g.count)
                flat.append(contentsOf: g)
            }
            (self.flat, self.groupStart, self.groupCount) = (flat, groupStart, groupCount)
        }
    }

    private let t: Tables

    var firstWords: [UInt64] { t.firstWords }

    /// This matcher's bit in `ExtractionLexicon.wordClasses` (0 when it has none: every lookup is made).
    var classBit: UInt32 = 0

    /// An empty matcher.
    init() { t = Tables() }

    private init(tables: Tables, classBit: UInt32) {
        t = tables
        self.classBit = classBit
    }

    /// Collects phrases in arrays it owns (each added phrase is appended in place), then builds the matcher's
    /// tables once.
    struct Builder {
        private var offsets: [Int] = []
        private var lengths: [Int] = []
        private var values: [Int] = []
        private var pool: [UInt64] = []
        private var caps: [Bool] = []
        private var byFirst: [UInt64: Int] = [:]
        private var groups: [[Int]] = []
        private var firstWords: [UInt64] = []

        /// Adds the phrase of `tokens` (its words' hashes; a word in capitals matches only capitals) with `value`.
        mutating func add(_ tokens: [Token], value: Int) {
            guard let first = tokens.first?.hash else { return }
            let index = offsets.count
            offsets.append(pool.count)
            lengths.append(tokens.count)
            values.append(value)
            for token in tokens {
                pool.append(token.hash)
                caps.append(token.isAllCaps)
            }
            if let g = byFirst[first] {
                groups[g].append(index)
            } else {
                byFirst[first] = groups.count
                groups.append([index])
                firstWords.append(first)
            }
        }

        /// The matcher, each first word's phrases longest first (phrases of one length in the order added).
        func build(classBit: UInt32) -> PhraseMatcher {
            var map = WordHashMap()
            for (g, h) in firstWords.enumerated() { map.set(h, g) }
            let lengths = self.lengths
            // A stable sort: equal lengths keep the order they were added in.
            let sorted = groups.map { group in
                group.enumerated().sorted { a, b in
                    lengths[a.element] != lengths[b.element]
                        ? lengths[a.element] > lengths[b.element] : a.offset < b.offset
                }.map(\.element)
            }
            let tables = Tables(
                offsets: offsets, lengths: lengths, values: values, pool: pool, caps: caps, byFirst: map,
                groups: sorted, firstWords: firstWords)
            return PhraseMatcher(tables: tables, classBit: classBit)
        }
    }

    /// `match(p.tokens, at:limit:)`, answered at once from the paragraph's word classes (`ParagraphText.classes`)
    /// when token `i` starts no phrase of this matcher, the case of most tokens.
    @inline(__always) func match(_ p: ParagraphText, at i: Int, limit: Int? = nil) -> (value: Int, count: Int)? {
        if classBit != 0, i < p.classes.count, p.classes[i] & classBit == 0 { return nil }
        return match(p.tokens, at: i, limit: limit)
    }

    /// The longest phrase starting at token `i` (words only, no crossing of quotes): (value, token count).
    func match(_ tokens: [Token], at i: Int, limit: Int? = nil) -> (value: Int, count: Int)? {
        let t = self.t
        guard i < tokens.count, let g = t.byFirst[tokens[i].hash] else { return nil }
        let end = limit ?? tokens.count
        let start = t.groupStart[g]
        for k in start..<(start + t.groupCount[g]) {
            let p = t.flat[k]
            let n = t.lengths[p]
            let o = t.offsets[p]
            guard i + n <= end else { continue }
            var ok = true
            var w = 0
            while w < n {
                let tok = tokens[i + w]
                if tok.hash != t.pool[o + w] || (t.caps[o + w] && !tok.isAllCaps) || (w < n - 1 && tok.isPossessive) {
                    ok = false
                    break
                }
                w += 1
            }
            if ok { return (t.values[p], n) }
        }
        return nil
    }

    var isEmpty: Bool { t.offsets.isEmpty }
}

/// A word set with its bit in `ExtractionLexicon.wordClasses`: a token's membership is one bit test.
struct ClassedWordSet: Sendable {
    let words: WordHashSet
    let bit: UInt32

    init(_ words: WordHashSet, bit: UInt32) {
        self.words = words
        self.bit = bit
    }

    @inline(__always) func contains(_ h: UInt64) -> Bool { words.contains(h) }

    /// True when token `k` of `p` is in the set (from the paragraph's word classes when it has them).
    @inline(__always) func contains(_ p: ParagraphText, _ k: Int) -> Bool {
        k < p.classes.count ? p.classes[k] & bit != 0 : words.contains(p.tokens[k].hash)
    }

    var elements: [UInt64] { words.elements }
    var count: Int { words.count }
}

/// Word hash → gender on `WordHashMap` (no `Hasher` on the hot path).
struct GenderMap: Sendable {
    private var map = WordHashMap()

    /// The words, in no particular order.
    var keys: [UInt64] { map.allKeys }

    subscript(_ h: UInt64) -> Gender? {
        get { map[h].map { $0 == 1 ? .male : $0 == 2 ? .female : .unknown } }
        set { map.set(h, newValue == .male ? 1 : newValue == .female ? 2 : 0) }
    }
}

/// The gender a title or pronoun implies.
enum Gender: Sendable, Hashable {
    case male, female, unknown
}

/// How a reporting cue finds its speaker.
enum CueKind: Sendable, Hashable {
    /// "said", "told": the subject before it, or the name right after it when inverted.
    case verb
    /// "according to": the speaker follows.
    case after
    /// "in a statement": the clause subject.
    case adjunct
}

/// What a title-lexicon row is.
enum TitleKind: Sendable, Hashable {
    case title, role, honorific, modifier
}

/// The lexicons the extractor needs, compiled once into hash lookups (see `Data/lexicon/`); a class so that the
/// many small stages share it without copying.
public final class ExtractionLexicon: Sendable {
    let tokenizer: Tokenizer
    let splitter: SentenceSplitter

    /// titles.txt
    let titles: PhraseMatcher
    let titleInfo: [(kind: TitleKind, gender: Gender, speaksForOrganization: Bool)]
    /// people.txt: name word hashes → (hashes of the role's words, gender).
    let people: [[UInt64]: (roleWords: Set<UInt64>, gender: Gender)]
    /// Single-word modifier hashes ("top", "senior").
    let modifiers: ClassedWordSet
    /// organizations.txt: value = index into `organizationNames`.
    let organizations: PhraseMatcher
    let organizationNames: [String]
    let organizationHeads: ClassedWordSet
    /// countries.txt names (value = index) and adjectives (value = index).
    let countryNames: PhraseMatcher
    let countryAdjectives: PhraseMatcher
    let countryCanonical: [String]
    /// group_nouns.txt
    let groupNouns: PhraseMatcher
    /// reporting_verbs.txt: value = index into `cueInfo`.
    let cues: PhraseMatcher
    let cueInfo: [(kind: CueKind, participle: Bool)]
    /// pronouns.txt
    let pronouns: GenderMap
    let pluralPronouns: ClassedWordSet
    let thingPronouns: ClassedWordSet
    /// Capitalized words that are never part of a name.
    let nameStopwords: ClassedWordSet
    /// term_cues.txt
    let termCues: PhraseMatcher
    /// measure_nouns.txt: nouns that never label an agenda.
    let measureNouns: WordHashSet
    /// number_words.txt: hash → value.
    let numberWords: WordHashMap
    /// "include", "are", "namely": verbs that open an enumerated list.
    let listVerbs: WordHashSet
    /// Prepositions: a mention right after one is no subject.
    let prepositions: ClassedWordSet
    /// Prepositions that also join clauses: a name after them may be a subject ("days after Trump said").
    let conjunctions: ClassedWordSet
    let determiners: ClassedWordSet
    /// "at", "in", "near": a name of several words right after one is a place, not a person.
    let placePrepositions: ClassedWordSet
    /// "who", "which", "whose": a relative clause.
    let relativePronouns: ClassedWordSet
    /// Name particles that may stand lowercase inside a name ("bin", "de", "van").
    let nameParticles: ClassedWordSet
    /// "its", "his", "her", "their", "our": possessive determiners before a role ("its spokeswoman").
    let possessiveDeterminers: ClassedWordSet
    /// document_nouns.txt ("statement", "joint declaration").
    let documentNouns: PhraseMatcher
    /// document_parts.txt ("point", "section").
    let documentParts: PhraseMatcher
    /// signing_verbs.txt ("signed", "issued").
    let signingVerbs: ClassedWordSet
    /// first_names.txt: given name → gender.
    let firstNames: [UInt64: Gender]
    /// Words that may stand between a subject and its verb ("had", "also", "later").
    let auxiliaries: ClassedWordSet

    public init(lexicon: Lexicon) {
        var abbrev = Set<UInt64>()
        for row in lexicon.table("abbreviations").rows { abbrev.insert(TokenHash.hash(row.entry)) }
        for row in lexicon.table("titles").rows where row.entry.hasSuffix(".") {
            abbrev.insert(TokenHash.hash(row.entry))
        }
        for row in lexicon.table("name_stopwords").rows where row.entry.hasSuffix(".") {
            abbrev.insert(TokenHash.hash(row.entry))
        }
        let tokenizer = Tokenizer(abbreviations: abbrev)
        self.tokenizer = tokenizer
        splitter = SentenceSplitter(lexicon: lexicon)

        func hashes(_ phrase: String) -> [Token] {
            tokenizer.tokenize(Array(phrase.unicodeScalars))
        }
        func list(_ field: String?) -> [String] {
            (field ?? "").split(separator: ";").map(LexiconTable.trimmed).filter { !$0.isEmpty }
        }
        func gender(_ s: String?) -> Gender {
            switch s?.lowercased() {
            case "male": return .male
            case "female": return .female
            default: return .unknown
            }
        }

        var titlesBuilder = PhraseMatcher.Builder()
        var titleInfo: [(kind: TitleKind, gender: Gender, speaksForOrganization: Bool)] = []
        var modifiers = Set<UInt64>()
        for row in lexicon.table("titles").rows {
            let kind: TitleKind
            switch row[2]?.lowercased() {
            case "honorific": kind = .honorific
            case "modifier": kind = .modifier
            case "role": kind = .role
            default: kind = .title
            }
            let h = hashes(row.entry)
            if kind == .modifier {
                if h.count == 1 { modifiers.insert(h[0].hash) }
                continue
            }
            titlesBuilder.add(h, value: titleInfo.count)
            titleInfo.append((kind, gender(row[1]), row[3]?.lowercased() == "organization"))
        }
        let titles = titlesBuilder.build(classBit: 1 << 0)
        self.titles = titles
        self.titleInfo = titleInfo
        var people: [[UInt64]: (roleWords: Set<UInt64>, gender: Gender)] = [:]
        for row in lexicon.table("people").rows {
            people[hashes(row.entry).map(\.hash)] = (Set(hashes(row[1] ?? "").map(\.hash)), gender(row[2]))
        }
        self.people = people
        self.modifiers = ClassedWordSet(WordHashSet(modifiers), bit: 1 << 9)

        var orgsBuilder = PhraseMatcher.Builder()
        var orgNames: [String] = []
        for row in lexicon.table("organizations").rows {
            let idx = orgNames.count
            orgNames.append(row.entry)
            orgsBuilder.add(hashes(row.entry), value: idx)
            for alias in list(row[1]) { orgsBuilder.add(hashes(alias), value: idx) }
        }
        let orgs = orgsBuilder.build(classBit: 1 << 1)
        organizations = orgs
        organizationNames = orgNames
        organizationHeads = ClassedWordSet(
            WordHashSet(lexicon.table("organization_heads").entries.map { TokenHash.hash($0) }), bit: 1 << 10)

        var cNamesBuilder = PhraseMatcher.Builder()
        var cAdjBuilder = PhraseMatcher.Builder()
        var canon: [String] = []
        for row in lexicon.table("countries").rows {
            let idx = canon.count
            canon.append(row.entry)
            cNamesBuilder.add(hashes(row.entry), value: idx)
            for name in list(row[1]) {
                // "the DPRK" style names: the article is matched as a determiner anyway.
                let h = hashes(name)
                if h.first?.hash == TokenHash.hash("the"), h.count > 1 {
                    cNamesBuilder.add(Array(h.dropFirst()), value: idx)
                } else {
                    cNamesBuilder.add(h, value: idx)
                }
            }
            for adj in list(row[2]) { cAdjBuilder.add(hashes(adj), value: idx) }
        }
        let cNames = cNamesBuilder.build(classBit: 1 << 2)
        let cAdj = cAdjBuilder.build(classBit: 1 << 3)
        countryNames = cNames
        countryAdjectives = cAdj
        countryCanonical = canon

        var groupsBuilder = PhraseMatcher.Builder()
        for row in lexicon.table("group_nouns").rows { groupsBuilder.add(hashes(row.entry), value: 0) }
        let groups = groupsBuilder.build(classBit: 1 << 4)
        groupNouns = groups

        var cuesBuilder = PhraseMatcher.Builder()
        var cueInfo: [(kind: CueKind, participle: Bool)] = []
        for row in lexicon.table("reporting_verbs").rows {
            let kind: CueKind
            switch row[2]?.lowercased() {
            case "after": kind = .after
            case "adjunct": kind = .adjunct
            default: kind = .verb
            }
            let forms = list(row[1]).isEmpty ? [row.entry] : list(row[1])
            for form in forms {
                cuesBuilder.add(hashes(form), value: cueInfo.count)
                cueInfo.append((kind, form.hasSuffix("ing")))
            }
        }
        let cues = cuesBuilder.build(classBit: 1 << 5)
        self.cues = cues
        self.cueInfo = cueInfo

        var pronouns = GenderMap()
        var plural = Set<UInt64>()
        var thing = Set<UInt64>()
        for row in lexicon.table("pronouns").rows {
            let h = TokenHash.hash(row.entry)
            switch row[1]?.lowercased() {
            case "plural": plural.insert(h)
            case "thing": thing.insert(h)
            default: pronouns[h] = gender(row[1])
            }
        }
        self.pronouns = pronouns
        pluralPronouns = ClassedWordSet(WordHashSet(plural), bit: 1 << 11)
        thingPronouns = ClassedWordSet(WordHashSet(thing), bit: 1 << 12)

        var stop = Set(lexicon.table("name_stopwords").entries.map { TokenHash.hash($0) })
        for w in lexicon.table("sentence_starters").entries { stop.insert(TokenHash.hash(w)) }
        nameStopwords = ClassedWordSet(WordHashSet(stop), bit: 1 << 13)

        var termCuesBuilder = PhraseMatcher.Builder()
        for row in lexicon.table("term_cues").rows { termCuesBuilder.add(hashes(row.entry), value: 0) }
        let termCues = termCuesBuilder.build(classBit: 1 << 6)
        self.termCues = termCues

        var numbers: [UInt64: Int] = [:]
        for row in lexicon.table("number_words").rows {
            if let v = row[1].flatMap({ Int($0) }) { numbers[TokenHash.hash(row.entry)] = v }
        }
        var numberMap = WordHashMap()
        for (h, v) in numbers { numberMap.set(h, v) }
        numberWords = numberMap
        listVerbs = WordHashSet(
            ["include", "includes", "included", "including", "are", "were", "namely"].map { TokenHash.hash($0) })
        measureNouns = WordHashSet(lexicon.table("measure_nouns").entries.map { TokenHash.hash($0) })

        // Closed-class words of English grammar: part of the algorithm, not of any story.
        prepositions = ClassedWordSet(
            WordHashSet(
                [
                    "of", "for", "with", "in", "to", "from", "at", "by", "on", "about", "against", "between", "among",
                    "into", "over", "under", "toward", "towards", "than", "like", "after", "before", "during", "since",
                    "without", "through", "across", "behind", "near", "upon", "within", "alongside", "beside",
                    "besides",
                    "including", "despite", "via", "amid", "following", "regarding", "per", "unlike", "except",
                ].map { TokenHash.hash($0) }), bit: 1 << 14)
        conjunctions = ClassedWordSet(
            WordHashSet(
                ["after", "before", "since", "until", "as", "because", "while", "when", "though", "although", "once"]
                    .map {
                        TokenHash.hash($0)
                    }), bit: 1 << 15)
        placePrepositions = ClassedWordSet(
            WordHashSet(["at", "in", "near", "inside", "outside"].map { TokenHash.hash($0) }), bit: 1 << 17)
        determiners = ClassedWordSet(
            WordHashSet(["the", "a", "an", "this", "that", "these", "those"].map { TokenHash.hash($0) }), bit: 1 << 16)
        relativePronouns = ClassedWordSet(
            WordHashSet(["who", "which", "whose", "whom", "where", "when"].map { TokenHash.hash($0) }), bit: 1 << 18)
        possessiveDeterminers = ClassedWordSet(
            WordHashSet(
                ["its", "his", "her", "their", "our", "my", "your"].map { TokenHash.hash($0) }), bit: 1 << 20)
        auxiliaries = ClassedWordSet(
            WordHashSet(
                [
                    "had", "has", "have", "also", "later", "then", "once", "previously", "earlier", "again", "would",
                    "will",
                    "could", "did", "does", "do", "was", "is", "had", "repeatedly", "publicly", "privately", "often",
                    "never",
                    "recently", "already", "still", "separately", "flatly", "simply", "just", "only", "reportedly",
                ].map { TokenHash.hash($0) }), bit: 1 << 22)
        var docsBuilder = PhraseMatcher.Builder()
        for row in lexicon.table("document_nouns").rows { docsBuilder.add(hashes(row.entry), value: 0) }
        let docs = docsBuilder.build(classBit: 1 << 7)
        documentNouns = docs
        var partsBuilder = PhraseMatcher.Builder()
        for row in lexicon.table("document_parts").rows { partsBuilder.add(hashes(row.entry), value: 0) }
        let parts = partsBuilder.build(classBit: 1 << 8)
        documentParts = parts
        signingVerbs = ClassedWordSet(
            WordHashSet(lexicon.table("signing_verbs").entries.map { TokenHash.hash($0) }), bit: 1 << 21)
        var names: [UInt64: Gender] = [:]
        for row in lexicon.table("first_names").rows { names[TokenHash.hash(row.entry)] = gender(row[1]) }
        firstNames = names
        var starts = Set<UInt64>()
        for m in [titles, groupNouns, documentNouns, documentParts, organizations, countryNames, countryAdjectives] {
            starts.formUnion(m.firstWords)
        }
        starts.formUnion(modifiers)
        starts.formUnion(pronouns.keys)
        starts.formUnion(pluralPronouns.elements)
        starts.formUnion(thingPronouns.elements)
        starts.formUnion(organizationHeads.elements)
        starts.formUnion(possessiveDeterminers.elements)
        starts.formUnion(
            ["the", "this", "that", "these", "those", "a", "an", "two", "both", "one"].map { TokenHash.hash($0) })
        mentionStarts = ClassedWordSet(WordHashSet(starts), bit: 1 << 23)
        nameParticles = ClassedWordSet(
            WordHashSet(
                ["bin", "bint", "al", "de", "del", "della", "van", "von", "der", "da", "le", "la", "du"].map {
                    TokenHash.hash($0)
                }), bit: 1 << 19)
        var classes = WordHashMap()
        func mark<S: Sequence>(_ words: S, _ bit: UInt32) where S.Element == UInt64 {
            for h in words { classes.set(h, (classes[h] ?? 0) | Int(bit)) }
        }
        for m in [titles, orgs, cNames, cAdj, groups, cues, termCues, docs, parts] { mark(m.firstWords, m.classBit) }
        for w in [
            self.modifiers, organizationHeads, pluralPronouns, thingPronouns, nameStopwords, prepositions,
            conjunctions, determiners, placePrepositions, relativePronouns, nameParticles, possessiveDeterminers,
            signingVerbs, auxiliaries, mentionStarts,
        ] {
            mark(w.elements, w.bit)
        }
        mark(pronouns.keys, Self.pronounBit)
        mark(numberMap.allKeys, Self.numberWordBit)
        wordClasses = classes
    }

    func hash(_ word: String) -> UInt64 { TokenHash.hash(word) }

    /// Lowercase words that may start a mention; any other lowercase word is skipped at once by the scanner.
    let mentionStarts: ClassedWordSet
    /// Word hash → the `PhraseMatcher.classBit`s of the matchers with a phrase starting with it: looked up once
    /// per token (`ParagraphText.classes`), so that most phrase lookups end without hashing.
    let wordClasses: WordHashMap

    // Hashes of closed-class words the rules test often (computed once, not per token).
    let wordA = TokenHash.hash("a")
    let wordAn = TokenHash.hash("an")
    let wordAnd = TokenHash.hash("and")
    let wordBoth = TokenHash.hash("both")
    let wordBy = TokenHash.hash("by")
    let wordFor = TokenHash.hash("for")
    let wordIn = TokenHash.hash("in")
    let wordOf = TokenHash.hash("of")
    let wordOr = TokenHash.hash("or")
    let wordThe = TokenHash.hash("the")
    let wordOne = TokenHash.hash("one")
    let wordFrom = TokenHash.hash("from")
    let wordThis = TokenHash.hash("this")
    let wordTwo = TokenHash.hash("two")
    let wordWith = TokenHash.hash("with")
    let wordTo = TokenHash.hash("to")

    /// The bit of `pronouns` in `wordClasses`.
    static let pronounBit: UInt32 = 1 << 24
    /// The bit of `numberWords` in `wordClasses`.
    static let numberWordBit: UInt32 = 1 << 25

    /// The value `numberWords` gives token `k` of `p` (nil: no number word), answered from its word classes.
    @inline(__always) func numberWord(_ p: ParagraphText, _ k: Int) -> Int? {
        if k < p.classes.count, p.classes[k] & Self.numberWordBit == 0 { return nil }
        return numberWords[p.tokens[k].hash]
    }

    /// The gender `pronouns` gives token `k` of `p` (nil: no such pronoun), answered from its word classes.
    @inline(__always) func pronoun(_ p: ParagraphText, _ k: Int) -> Gender? {
        if k < p.classes.count, p.classes[k] & Self.pronounBit == 0 { return nil }
        return pronouns[p.tokens[k].hash]
    }

    /// A reporting cue at token `i` of `p`: never a capitalized word inside a sentence ("United States").
    func cue(_ p: ParagraphText, at i: Int, limit: Int? = nil) -> (value: Int, count: Int)? {
        let t = p.tokens[i]
        guard t.isWord, !t.inQuote else { return nil }
        // No cue starts here (the checks below only ever answer nil too).
        if i < p.classes.count, p.classes[i] & cues.classBit == 0 { return nil }
        if t.isCapitalized, i > 0, p.tokenSentence[i - 1] == p.tokenSentence[i], p.tokens[i - 1].isWord { return nil }
        // A noun after a determiner is no verb ("its promises", "a warning").
        if i > 0, p.tokens[i - 1].isWord,
            determiners.contains(p.tokens[i - 1].hash) || possessiveDeterminers.contains(p.tokens[i - 1].hash)
        {
            return nil
        }
        return cues.match(p, at: i, limit: limit)
    }
}
