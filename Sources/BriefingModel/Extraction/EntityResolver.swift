/// An entity of one article: a person, group, organization or country, with everything the article says of it.
struct ArticleEntity: Sendable {
    var name: String
    var kind: SpeakerKind
    var role: String?
    var aliases: [String] = []
    var gender: Gender = .unknown
    var titles: Set<UInt64> = []
    var nameHashes: [UInt64] = []
    /// Paragraphs that mention it, in order, without repeats.
    var paragraphs: [Int] = []
    /// Last position in the resolver's history (recency).
    var lastSeen = -1
    /// Last position where it was mentioned by name (full name or surname): what a surname alone resolves by.
    var lastNamed = -1
    /// Subject of a reporting cue or the speaker of a quote.
    var spoke = false
    /// A document that speaks ("the joint statement").
    var isDocument = false
    /// Who signed or issued the document, when the article says so.
    var authors: Int? = nil
    /// Role words people.txt gives this person.
    var knownRoleWords: Set<UInt64> = []
    /// The two entities of a pair ("Moon and Kim").
    var members: [Int] = []
    /// The pair's name follows the text's order ("Moon and Kim"), not the order of recency.
    var explicitOrder = false
    /// Someone the text only introduces ("a leader", "one Republican aide"): a speaker only when quoted.
    var indefinite = false
    /// A bare group noun ("aides", "researchers"): a speaker only when quoted.
    var bareGroup = false
    /// Hash of the last word of the name of an organization (what "the ministry" refers back by).
    var lastWordHash: UInt64? = nil

    init(name: String, kind: SpeakerKind, nameHashes: [UInt64] = []) {
        self.name = name
        self.kind = kind
        self.nameHashes = nameHashes
        if kind == .organization { lastWordHash = Self.lastWordHash(name) }
    }

    /// The hash of the last space-separated word of `name` (nil when it has none), without building strings.
    static func lastWordHash(_ name: String) -> UInt64? {
        var h = TokenHash.seed
        var inWord = false
        var last: UInt64? = nil
        for c in name.unicodeScalars {
            if c == " " {
                if inWord { last = h }
                h = TokenHash.seed
                inWord = false
            } else {
                h = TokenHash.combine(h, c)
                inWord = true
            }
        }
        return inWord ? h : last
    }
}

/// Resolves mentions to the entities of an article, in reading order: full names, a surname alone to the most
/// recent compatible full name, a role alone to who holds it, pronouns to the nearest fitting subject.
struct EntityResolver {
    let lex: ExtractionLexicon
    private(set) var entities: [ArticleEntity] = []
    private var history: [(entity: Int, paragraph: Int, sentence: Int, subject: Bool, possessive: Bool)] = []
    private var byKey = WordHashMap()

    /// A key of `byKey`: a tag ("person", "pair", …) mixed with a value (a name hash, ids).
    static func key(_ tag: UInt64, _ value: UInt64) -> UInt64 {
        (tag ^ (value &* 0x9E37_79B9_7F4A_7C15)) &* 0x100_0000_01b3
    }

    /// The tags of `key`, hashed once.
    static let tagRole = TokenHash.hash("role")
    static let tagOrganization = TokenHash.hash("organization")
    static let tagPair = TokenHash.hash("pair")
    static let tagDocument = TokenHash.hash("document")
    static let tagGroup = TokenHash.hash("group")
    static let tagCountry = TokenHash.hash("country")
    static let tagPerson = TokenHash.hash("person")

    /// The tag of a kind (the hash of its raw value).
    static func tag(_ kind: SpeakerKind) -> UInt64 {
        switch kind {
        case .person: tagPerson
        case .group: tagGroup
        case .organization: tagOrganization
        case .country: tagCountry
        }
    }

    init(lex: ExtractionLexicon) {
        self.lex = lex
    }

    mutating func markSpoke(_ e: Int) { entities[e].spoke = true }

    /// Resolves `m` in place. `subject`: it stands as a sentence or cue subject; `cueFollows`: a reporting verb follows.
    mutating func resolve(_ m: inout NameMention, subject: Bool, cueFollows: Bool) {
        let e: Int?
        switch m.kind {
        case .person: e = person(m)
        case .surname: e = surname(m, cueFollows: cueFollows)
        case .roleOnly: e = roleOnly(m)
        case .pronoun: e = pronoun(m)
        case .group: e = keyed(m, .group)
        case .organization: e = keyed(m, .organization)
        case .country: e = keyed(m, .country)
        case .document: e = document(m)
        case .documentPart:
            e = entities.indices.filter { entities[$0].isDocument }.max {
                entities[$0].lastSeen < entities[$1].lastSeen
            }
        case .pair: e = pair()
        case .organizationReference: e = organizationReference(m)
        }
        m.entity = e
        guard let e else { return }
        if m.kind == .pronoun, m.gender != .unknown, entities[e].gender == .unknown { entities[e].gender = m.gender }
        if m.kind != .pronoun {
            if entities[e].role == nil, let r = m.role, entities[e].kind == .person { entities[e].role = r }
            if entities[e].gender == .unknown { entities[e].gender = m.gender }
            entities[e].titles.formUnion(m.titles)
        }
        if entities[e].paragraphs.last != m.paragraph { entities[e].paragraphs.append(m.paragraph) }
        history.append((e, m.paragraph, m.articleSentence, subject, m.isPossessive))
        entities[e].lastSeen = history.count - 1
        if m.kind == .person || m.kind == .surname { entities[e].lastNamed = history.count - 1 }
    }

    private mutating func keyed(_ m: NameMention, _ kind: SpeakerKind) -> Int {
        let key = Self.key(Self.tag(kind), TokenHash.hash(m.name))
        if let e = byKey[key] { return e }
        var x = ArticleEntity(name: m.name, kind: kind)
        x.bareGroup = m.bareGroup
        entities.append(x)
        byKey.set(key, entities.count - 1)
        return entities.count - 1
    }

    private mutating func person(_ m: NameMention) -> Int {
        let hs = m.nameHashes
        if let e = entities.indices.last(where: { entities[$0].kind == .person && entities[$0].nameHashes == hs }) {
            return e
        }
        // A person first met by one word ("Chairman Kim") gets the full name when it comes.
        if let first = hs.first, let last = hs.last,
            let e = entities.indices.last(where: {
                guard entities[$0].kind == .person, entities[$0].nameHashes.count == 1,
                    let h = entities[$0].nameHashes.first, h == first || h == last
                else { return false }
                return entities[$0].titles.isEmpty || m.titles.isEmpty
                    || !entities[$0].titles.isDisjoint(with: m.titles)
            })
        {
            let old = entities[e].name
            entities[e].name = m.name
            entities[e].nameHashes = hs
            if !entities[e].aliases.contains(old) { entities[e].aliases.append(old) }
            return e
        }
        var x = ArticleEntity(name: m.name, kind: .person, nameHashes: hs)
        if let known = lex.people[hs] {
            x.knownRoleWords = known.roleWords
            x.gender = known.gender
        }
        entities.append(x)
        return entities.count - 1
    }

    private mutating func surname(_ m: NameMention, cueFollows: Bool) -> Int? {
        guard let h = m.nameHashes.first else { return nil }
        // Fields read in place: copying an entity would retain every array it holds.
        var cands = entities.indices.filter {
            entities[$0].kind == .person && (entities[$0].nameHashes.first == h || entities[$0].nameHashes.last == h)
        }
        if !m.titles.isEmpty {
            let titled = cands.filter { !entities[$0].titles.isDisjoint(with: m.titles) }
            if !titled.isEmpty { cands = titled }
        }
        if let e = cands.max(by: { entities[$0].lastNamed < entities[$1].lastNamed }) {
            if entities[e].nameHashes.count > 1, !entities[e].aliases.contains(m.name) {
                entities[e].aliases.append(m.name)
            }
            return e
        }
        // A word that looks like a name but matches no one: a person only when a title, an apposition
        // or a reporting verb shows it is one.
        guard m.titled || m.role != nil || cueFollows, !m.afterArticle else { return nil }
        entities.append(ArticleEntity(name: m.name, kind: .person, nameHashes: [h]))
        return entities.count - 1
    }

    private mutating func roleOnly(_ m: NameMention) -> Int? {
        guard !m.titles.isEmpty else { return nil }
        let d = m.determiner
        if d == lex.wordA || d == lex.wordAn || d == lex.wordOne {
            // "one Republican aide said": someone new, never an earlier person; the stand-in is who speaks.
            var x = ArticleEntity(name: m.name, kind: .person)
            x.titles = Set(m.titles)
            x.gender = m.gender
            x.indefinite = true
            entities.append(x)
            return entities.count - 1
        }
        let cands = entities.indices.filter {
            entities[$0].kind == .person && !entities[$0].titles.isDisjoint(with: m.titles)
        }
        if let e = cands.max(by: { entities[$0].lastSeen < entities[$1].lastSeen }) { return e }
        // A person of the article whom people.txt gives that role.
        let known = entities.indices.filter {
            entities[$0].kind == .person && !entities[$0].knownRoleWords.isDisjoint(with: m.titles)
        }
        if let e = known.max(by: { entities[$0].lastSeen < entities[$1].lastSeen }) { return e }
        // "the spokesman" with no spokesman named speaks for the organization just named.
        if m.speaksForOrganization {
            let recent = history.filter {
                entities[$0.entity].kind == .organization && !entities[$0.entity].isDocument
                    && m.paragraph - $0.paragraph <= 1
            }
            if let h = recent.last(where: \.subject) ?? recent.last { return h.entity }
        }
        // "the president" with no holder named: a stand-in the corpus-wide merge may resolve by role.
        guard d == lex.wordThe else { return nil }
        let key = Self.key(Self.tagRole, TokenHash.hash(m.name))
        if let e = byKey[key] { return e }
        var x = ArticleEntity(name: "the " + m.name, kind: .person)
        x.titles = Set(m.titles)
        x.gender = m.gender
        x.role = m.name
        entities.append(x)
        byKey.set(key, entities.count - 1)
        return entities.count - 1
    }

    /// "the ministry": the most recent organization whose name ends in that word.
    private mutating func organizationReference(_ m: NameMention) -> Int? {
        let cands = entities.indices.filter {
            entities[$0].kind == .organization
                && entities[$0].lastWordHash == m.head
        }
        if let e = cands.max(by: { entities[$0].lastSeen < entities[$1].lastSeen }) { return e }
        // "the ministry" with no ministry named: a stand-in organization.
        let key = Self.key(Self.tagOrganization, TokenHash.hash(m.name))
        if let e = byKey[key] { return e }
        entities.append(ArticleEntity(name: m.name, kind: .organization))
        byKey.set(key, entities.count - 1)
        return entities.count - 1
    }

    /// A group entity for two speakers named together ("Moon and Kim announced"), one per pair whatever the order.
    /// `explicit`: the text names them in this order ("Moon and Kim"), which then names the pair.
    mutating func joint(_ a: Int, _ b: Int, paragraph: Int, explicit: Bool = true) -> Int {
        let key = Self.key(Self.tagPair, UInt64(min(a, b)) << 32 | UInt64(max(a, b)))
        if let e = byKey[key] {
            if explicit, !entities[e].explicitOrder {
                entities[e].name = entities[a].name + " and " + entities[b].name
                entities[e].explicitOrder = true
            }
            return e
        }
        var x = ArticleEntity(name: entities[a].name + " and " + entities[b].name, kind: .group)
        x.paragraphs = [paragraph]
        x.members = [a, b]
        x.explicitOrder = explicit
        entities.append(x)
        byKey.set(key, entities.count - 1)
        return entities.count - 1
    }

    /// Who speaks for entity `e`: a document's authors when known, else `e`.
    func speaking(_ e: Int) -> Int { entities[e].authors ?? e }

    /// Sets who signed or issued document `d`.
    mutating func setAuthors(_ d: Int, _ a: Int) {
        if entities[d].authors == nil, d != a { entities[d].authors = a }
    }

    /// Another head noun for document `d`: 'a document, titled the “… Declaration”' makes "the declaration" `d`.
    mutating func alias(document d: Int, head: UInt64) {
        let key = Self.key(Self.tagDocument, head)
        if byKey[key] == nil { byKey.set(key, d) }
    }

    /// A document, one per head noun in an article ("the joint statement", later "the statement").
    private mutating func document(_ m: NameMention) -> Int {
        let key = Self.key(Self.tagDocument, m.head)
        if let e = byKey[key] { return e }
        var x = ArticleEntity(name: m.name, kind: .organization)
        x.isDocument = true
        entities.append(x)
        byKey.set(key, entities.count - 1)
        return entities.count - 1
    }

    /// "the two leaders": the pair named last, else the two people mentioned last.
    private mutating func pair() -> Int? {
        if let e = entities.indices.filter({ entities[$0].members.count == 2 }).max(by: {
            entities[$0].lastSeen < entities[$1].lastSeen
        }) {
            return e
        }
        // Only people the article names: a stand-in ("a leader") is no member of a pair.
        let people = entities.indices.filter {
            entities[$0].kind == .person && entities[$0].lastSeen >= 0 && !entities[$0].nameHashes.isEmpty
        }
        .sorted { entities[$0].lastSeen > entities[$1].lastSeen }
        guard people.count >= 2 else { return nil }
        return joint(people[0], people[1], paragraph: history.last?.paragraph ?? 0, explicit: false)
    }

    private func pronoun(_ m: NameMention) -> Int? {
        func knownFit(_ e: Int) -> Bool {
            m.gender != .unknown && entities[e].kind == .person && entities[e].gender == m.gender
        }
        func fits(_ e: Int) -> Bool {
            let kind = entities[e].kind
            if m.plural { return kind == .group || kind == .organization || kind == .country }
            if m.thing { return kind == .organization || kind == .country }
            guard kind == .person else { return false }
            let gender = entities[e].gender
            return gender == .unknown || m.gender == .unknown || gender == m.gender
        }
        // The main subject (first subject) of this sentence — not for a speaker pronoun ("Kim, she said") — or
        // of the previous one; then any mention there; then the most recent subject within this or the previous
        // paragraph; then the nearest fitting mention.
        // A subject whose gender is known to fit goes before one whose gender is unknown.
        for known in [true, false] {
            for back in (m.speakerPronoun ? [1] : [0, 1]) {
                let target = m.articleSentence - back
                var firstSubject: Int? = nil
                for h in history.reversed() {
                    if h.sentence < target { break }
                    if h.sentence == target, h.subject, fits(h.entity), !known || knownFit(h.entity) {
                        firstSubject = h.entity
                    }
                }
                if let e = firstSubject { return e }
            }
        }
        for h in history.reversed() {
            if m.articleSentence - h.sentence > 1 { break }
            if m.speakerPronoun, h.sentence == m.articleSentence { continue }
            if !h.possessive, fits(h.entity) { return h.entity }
        }
        for h in history.reversed() {
            if m.paragraph - h.paragraph > 1 { break }
            if h.subject, fits(h.entity) { return h.entity }
        }
        for h in history.reversed() {
            if m.paragraph - h.paragraph > 1 { break }
            if !h.possessive, fits(h.entity) { return h.entity }
        }
        return nil
    }
}
