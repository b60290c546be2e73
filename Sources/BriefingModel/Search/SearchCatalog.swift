/// The words of one named thing (speaker, agenda item, event, article) that a filter value is matched against.
///
/// An entry lives only while its table indexes it: the table keeps the id and its word lists, not the entry.
struct CatalogEntry: Sendable {
    var id: String
    /// Folded words, for prefix values (distinct, sorted).
    var words: [String]
    /// Stems of the words, for whole-word values (distinct, sorted).
    var keys: [String]

    init(id: String, texts: [String], stems: inout StemCache) {
        self.id = id
        var ws: [String] = []
        var scanner = WordScanner()
        for t in texts {
            scanner.scan(t) { word, _, _ in ws.append(String(decoding: word, as: UTF8.self)) }
        }
        words = Self.distinct(ws)
        keys = Self.distinct(words.map { stems.key($0) })
    }

    /// The distinct strings of `xs` (as `Set` tells them apart), sorted.
    static func distinct(_ xs: [String]) -> [String] {
        if xs.count < 2 { return xs }
        var sorted = xs.sorted()
        var n = 0
        for i in sorted.indices where n == 0 || sorted[i] != sorted[n - 1] {
            sorted.swapAt(n, i)
            n += 1
        }
        sorted.removeSubrange(n...)
        return sorted
    }

}

/// Stems of the words seen so far: catalog texts repeat their words, so each is stemmed once.
struct StemCache {
    private var known: [String: String] = [:]

    mutating func key(_ word: String) -> String {
        if let k = known[word] { return k }
        let k = SearchText.key(word)
        known[word] = k
        return k
    }
}

/// A filter value prepared once per query: the stems of its whole words and its trailing prefix, if any.
struct FilterValue {
    var keys: [String]
    var prefix: String?

    init(_ value: FilterWords) {
        var whole = value.words
        if value.lastIsPrefix, let last = whole.popLast() { prefix = last }
        keys = whole.map(SearchText.key)
    }
}

/// Entries of one kind with an inverted index from word stems to entries, so a value resolves without a scan,
/// and their words sorted by bytes, so a trailing prefix resolves by binary search.
///
/// Only the entries' ids are kept: a value's matches are found through the two indexes alone, so the entries'
/// own word lists would be a second copy of them.
struct CatalogTable: Sendable {
    /// The id of each entry, by position.
    var ids: [String] = []
    var byKey: [String: [Int32]] = [:]
    var byWord: [String: [Int32]] = [:]
    /// The keys of `byWord` ordered by their UTF-8 bytes (built by `finish`).
    var sortedWords: [String] = []

    mutating func append(_ entry: CatalogEntry) {
        let n = Int32(ids.count)
        ids.append(entry.id)
        for k in entry.keys { byKey[k, default: []].append(n) }
        for w in entry.words { byWord[w, default: []].append(n) }
    }

    /// Sorts the words once every entry is in.
    mutating func finish() {
        sortedWords = byWord.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Positions (ascending) of the entries holding a word that starts with `prefix`.
    func positions(withWordPrefix prefix: String) -> [Int] {
        var lo = 0
        var hi = sortedWords.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedWords[mid].utf8.lexicographicallyPrecedes(prefix.utf8) { lo = mid + 1 } else { hi = mid }
        }
        var found: [Int] = []
        while lo < sortedWords.count, sortedWords[lo].utf8.starts(with: prefix.utf8) {
            for p in byWord[sortedWords[lo]] ?? [] { found.append(Int(p)) }
            lo += 1
        }
        found.sort()
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for p in found where unique.last != p { unique.append(p) }
        return unique
    }

    /// Positions of the entries that hold every word of the value.
    func positions(matching value: FilterWords) -> [Int] {
        let v = FilterValue(value)
        var candidates: [Int]?
        for k in v.keys {
            let list = (byKey[k] ?? []).map(Int.init)
            if let c = candidates {
                let other = Set(list)
                candidates = c.filter(other.contains)
            } else {
                candidates = list
            }
            if candidates?.isEmpty == true { return [] }
        }
        if let prefix = v.prefix {
            let withPrefix = positions(withWordPrefix: prefix)
            if let c = candidates {
                let other = Set(withPrefix)
                candidates = c.filter(other.contains)
            } else {
                candidates = withPrefix
            }
        }
        // Candidates from the stem lists hold every key, and those from the prefix list a word with the prefix;
        // a value with neither matches every entry.
        return candidates ?? Array(ids.indices)
    }

    func ids(matching value: FilterWords) -> Set<String> { Set(positions(matching: value).map { ids[$0] }) }
}

/// What filters resolve against: the speakers, agenda items, events and articles of a corpus, with their words.
struct SearchCatalog: Sendable {
    var speakers = CatalogTable()
    var speakerKinds: [String: SpeakerKind] = [:]
    var speakerNames: [String: String] = [:]
    var items = CatalogTable()
    /// The 1-based number of each item in its agenda, by position in `items`.
    var itemNumbers: [Int] = []
    var events = CatalogTable()
    var articles = CatalogTable()
    /// Article ids by their lowercased form.
    var articleIDsByFoldedID: [String: [String]] = [:]
    var articleDates: [String: Day] = [:]

    init() {}

    init(corpus: Corpus) {
        var stems = StemCache()
        speakerKinds.reserveCapacity(corpus.speakers.count)
        speakerNames.reserveCapacity(corpus.speakers.count)
        speakers.ids.reserveCapacity(corpus.speakers.count)
        articles.ids.reserveCapacity(corpus.articles.count)
        articleIDsByFoldedID.reserveCapacity(corpus.articles.count)
        articleDates.reserveCapacity(corpus.articles.count)
        for s in corpus.speakers {
            speakers.append(CatalogEntry(id: s.id, texts: [s.name] + s.aliases, stems: &stems))
            speakerKinds[s.id] = s.kind
            speakerNames[s.id] = s.name
        }
        for agenda in corpus.agendas {
            for (i, item) in agenda.items.enumerated() {
                items.append(
                    CatalogEntry(id: item.id, texts: [item.name ?? "", item.text] + item.keywords, stems: &stems))
                itemNumbers.append(i + 1)
            }
        }
        for e in corpus.events {
            events.append(CatalogEntry(id: e.id, texts: [e.title, e.place ?? "", e.kind, e.id], stems: &stems))
        }
        for a in corpus.articles {
            articles.append(CatalogEntry(id: a.id, texts: [a.title, a.id], stems: &stems))
            articleIDsByFoldedID[a.id.lowercased(), default: []].append(a.id)
            if let d = a.date { articleDates[a.id] = d }
        }
        speakers.finish()
        items.finish()
        events.finish()
        articles.finish()
    }

    /// Ids of the speakers a `speaker:` value names.
    func speakerIDs(_ value: FilterWords) -> Set<String> { speakers.ids(matching: value) }

    /// Ids of the speakers of a kind.
    func speakerIDs(kind: SpeakerKind) -> Set<String> {
        Set(speakerKinds.filter { $0.value == kind }.map(\.key))
    }

    func itemIDs(_ value: FilterWords) -> Set<String> { items.ids(matching: value) }

    func itemIDs(number: Int) -> Set<String> {
        Set(itemNumbers.indices.filter { itemNumbers[$0] == number }.map { items.ids[$0] })
    }

    func eventIDs(_ value: FilterWords) -> Set<String> { events.ids(matching: value) }

    /// Articles whose id equals `id` (case folded), else those whose id and title words hold the value.
    func articleIDs(id: String, words: FilterWords) -> Set<String> {
        if let exact = articleIDsByFoldedID[id] { return Set(exact) }
        return articles.ids(matching: words)
    }
}
