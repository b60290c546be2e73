/// Every article's speakers end to end, as `SpeakerMerger` reads them: columns of names, roles, kinds and aliases,
/// and the mentions as (article number, paragraph) pairs, each article id stored once.
///
/// A speaker costs 41 bytes (name 16, role 16, kind 1, where its aliases and mentions start 4 + 4), a mention 8
/// (article number and paragraph, 32-bit each), an alias 16; no array per speaker. Paragraphs are stored as 32-bit
/// numbers (clamped). Speakers have no id: the merger names each by its position.
struct SpeakerTable: Sendable {
    /// Each speaker's name, kind and role.
    private(set) var names: [String] = []
    private(set) var kinds: [SpeakerKind] = []
    private(set) var roles: [String?] = []
    /// The aliases of every speaker end to end, and where each speaker's start (one more at the end).
    private(set) var aliases: [String] = []
    private(set) var aliasStart: [Int32] = [0]
    /// The article (by number) and paragraph of every speaker's mentions end to end, and where each speaker's
    /// start (one more at the end).
    private(set) var mentionArticles: [Int32] = []
    private(set) var mentionParagraphs: [Int32] = []
    private(set) var mentionStart: [Int32] = [0]
    /// The article ids by number, in the order first met.
    private(set) var articleIDs: [String] = []
    private var articleNumbers: [String: Int32] = [:]
    /// The number of the article last numbered (-1: none), so a run of one article's mentions hashes its id once.
    private var lastArticle: Int32 = -1

    init() {}

    /// How many speakers there are.
    var count: Int { names.count }

    /// How many mentions there are, all speakers together.
    var mentionCount: Int { mentionArticles.count }

    mutating func reserveCapacity(speakers: Int, mentions: Int) {
        names.reserveCapacity(speakers)
        kinds.reserveCapacity(speakers)
        roles.reserveCapacity(speakers)
        aliasStart.reserveCapacity(speakers + 1)
        mentionStart.reserveCapacity(speakers + 1)
        mentionArticles.reserveCapacity(mentions)
        mentionParagraphs.reserveCapacity(mentions)
    }

    /// Lets go of the columns' spare room (left by appending without `reserveCapacity`).
    mutating func compact() {
        names = names.compacted
        kinds = kinds.compacted
        roles = roles.compacted
        aliases = aliases.compacted
        aliasStart = aliasStart.compacted
        mentionArticles = mentionArticles.compacted
        mentionParagraphs = mentionParagraphs.compacted
        mentionStart = mentionStart.compacted
        articleIDs = articleIDs.compacted
    }

    /// Appends a speaker whose mentions are all in article `article`, at `paragraphs` (in that order; may be empty,
    /// then the speaker has no mention and no article, as a plain speaker with no mentions).
    mutating func append(
        name: String, kind: SpeakerKind, role: String?, aliases: [String], article: String,
        paragraphs: some Collection<Int32>
    ) {
        appendColumns(name: name, kind: kind, role: role, aliases: aliases)
        if !paragraphs.isEmpty {
            let a = number(article: article)
            for p in paragraphs {
                mentionArticles.append(a)
                mentionParagraphs.append(p)
            }
        }
        mentionStart.append(Int32(mentionArticles.count))
    }

    /// Appends a plain speaker (mentions in any articles).
    mutating func append(_ speaker: Speaker) {
        appendColumns(name: speaker.name, kind: speaker.kind, role: speaker.role, aliases: speaker.aliases)
        for m in speaker.mentions {
            mentionArticles.append(number(article: m.article))
            mentionParagraphs.append(Int32(clamping: m.paragraph))
        }
        mentionStart.append(Int32(mentionArticles.count))
    }

    private mutating func appendColumns(name: String, kind: SpeakerKind, role: String?, aliases more: [String]) {
        names.append(name)
        kinds.append(kind)
        roles.append(role)
        // Most speakers have none (appending none would still make room in an empty array).
        if !more.isEmpty { aliases.append(contentsOf: more) }
        aliasStart.append(Int32(aliases.count))
    }

    /// The number of article `id`, numbering it when new.
    private mutating func number(article id: String) -> Int32 {
        if lastArticle >= 0 && articleIDs[Int(lastArticle)] == id { return lastArticle }
        if let n = articleNumbers[id] {
            lastArticle = n
            return n
        }
        let n = Int32(articleIDs.count)
        articleIDs.append(id)
        articleNumbers[id] = n
        lastArticle = n
        return n
    }

    /// The number of article `id`; nil when no mention is in it.
    func articleNumber(_ id: String) -> Int32? { articleNumbers[id] }

    /// Where speaker `k`'s mentions stand in `mentionArticles` and `mentionParagraphs`.
    func mentions(of k: Int) -> Range<Int> { Int(mentionStart[k])..<Int(mentionStart[k + 1]) }

    /// Speaker `k`'s aliases.
    func aliases(of k: Int) -> ArraySlice<String> { aliases[Int(aliasStart[k])..<Int(aliasStart[k + 1])] }

    /// The article of speaker `k`'s first mention; -1 when it has none.
    func firstArticle(of k: Int) -> Int32 {
        let start = Int(mentionStart[k])
        return start < Int(mentionStart[k + 1]) ? mentionArticles[start] : -1
    }

    /// Lets go of the lookup of article numbers by id, once every speaker is in: no append may follow.
    mutating func dropArticleLookup() {
        articleNumbers = [:]
        lastArticle = -1
    }
}
