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

/// Entries of one kind (speakers, agenda items, events, articles) with inverted indexes from their folded words
/// and from the words' stems to the entries, so a filter value resolves without a scan, and their words sorted by
/// bytes, so a trailing prefix resolves by binary search.
///
/// Entries are numbered by position, and nothing else of them is kept (the catalog reads their ids from the
/// corpus): words and stems are interned as bytes, and each word's (or stem's) entries are one run of a flat
/// list, so the table costs a few bytes per word rather than a `String` and an array each.
struct CatalogTable: Sendable {
    /// How many entries the table holds.
    private(set) var count = 0
    /// The distinct folded words of every entry's texts, and their stems ("keys").
    private var words = ByteInterner()
    private var keys = ByteInterner()
    /// The key of each word.
    private var wordKey: [Int32] = []
    /// The entries of each word and of each key, ascending and distinct (built by `finish`).
    private var wordEntries = FlatLists()
    private var keyEntries = FlatLists()
    /// Word ids ordered by their UTF-8 bytes (built by `finish`).
    private var sortedWords: [Int32] = []
    /// The words of each entry appended since the last `finish`, as its texts give them (repeats included).
    private var pending = FlatLists()

    /// Adds an entry (the next position) whose words are those of `texts`; `finish` makes it findable.
    mutating func append(texts: [String], scanner: inout WordScanner, scratch: inout [UInt8]) {
        count += 1
        var entryWords: [Int32] = []
        for t in texts {
            scanner.scan(t) { word, _, _ in entryWords.append(intern(word, scratch: &scratch)) }
        }
        pending.append(entryWords)
    }

    /// The id of `word`, interned (with its stem) when new.
    private mutating func intern(_ word: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Int32 {
        let w = words.intern(word)
        if Int(w) == wordKey.count {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: word)
            _ = LightStemmer.stem(bytes: &scratch)
            wordKey.append(scratch.withUnsafeBufferPointer { keys.intern($0) })
        }
        return w
    }

    /// Builds the entry lists of every word and key and sorts the words, once every entry is in.
    mutating func finish() {
        // The words of every entry: those finished before, read back from the word lists, then the pending ones.
        var entryWords = FlatLists.inverting(keys: count - pending.count, lists: wordEntries.count) { w, emit in
            wordEntries[w].forEach(emit)
        }
        for e in 0..<pending.count { entryWords.append(pending[e]) }
        wordEntries = FlatLists.inverting(keys: words.count, lists: count) { e, emit in entryWords[e].forEach(emit) }
        keyEntries = FlatLists.inverting(keys: keys.count, lists: count) { e, emit in
            for w in entryWords[e] { emit(wordKey[Int(w)]) }
        }
        pending = FlatLists()
        sortedWords = (0..<Int32(words.count)).sorted { words.compare($0, $1) < 0 }
    }

    /// Positions (ascending) of the entries holding a word that starts with `prefix`.
    func positions(withWordPrefix prefix: String) -> [Int] {
        var found: [Int] = []
        for w in words.ids(withPrefix: prefix, in: sortedWords) {
            for e in wordEntries[Int(w)] { found.append(Int(e)) }
        }
        found.sort()
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for p in found where unique.last != p { unique.append(p) }
        return unique
    }

    /// Positions (ascending) of the entries holding a word whose stem is `key`.
    func positions(withKey key: String) -> [Int] {
        guard let k = keys.find(key) else { return [] }
        return keyEntries[Int(k)].map(Int.init)
    }

    /// Positions of the entries that hold every word of the value.
    func positions(matching value: FilterWords) -> [Int] {
        let v = FilterValue(value)
        var candidates: [Int]?
        for k in v.keys {
            let list = positions(withKey: k)
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
        return candidates ?? Array(0..<count)
    }
}

/// What filters resolve against: the speakers, agenda items, events and articles of a corpus, with their words.
///
/// The catalog keeps the corpus's arrays of speakers, events and articles (shared, not copied) and reads ids,
/// names, kinds and dates from them by position.
struct SearchCatalog: Sendable {
    var speakers = CatalogTable()
    var speakerList: [Speaker] = []
    var items = CatalogTable()
    /// The id and 1-based number in its agenda of each item, by position in `items`.
    var itemIDList: [String] = []
    var itemNumbers: [Int] = []
    var events = CatalogTable()
    var eventList: [Event] = []
    var articles = CatalogTable()
    var articleList: [Article] = []
    /// Positions in `articles` ordered by the lowercased article id (then by position).
    var articlesByFoldedID: [Int32] = []

    init() {}

    init(corpus: Corpus) {
        var scanner = WordScanner()
        var scratch: [UInt8] = []
        speakerList = corpus.speakers
        eventList = corpus.events
        articleList = corpus.articles
        for s in corpus.speakers {
            speakers.append(texts: [s.name] + s.aliases, scanner: &scanner, scratch: &scratch)
        }
        for agenda in corpus.agendas {
            for (i, item) in agenda.items.enumerated() {
                items.append(texts: [item.name ?? "", item.text] + item.keywords, scanner: &scanner, scratch: &scratch)
                itemIDList.append(item.id)
                itemNumbers.append(i + 1)
            }
        }
        for e in corpus.events {
            events.append(texts: [e.title, e.place ?? "", e.kind, e.id], scanner: &scanner, scratch: &scratch)
        }
        for a in corpus.articles {
            articles.append(texts: [a.title, a.id], scanner: &scanner, scratch: &scratch)
        }
        let folded = corpus.articles.map { $0.id.lowercased() }
        articlesByFoldedID = (0..<Int32(folded.count)).sorted {
            folded[Int($0)] != folded[Int($1)] ? folded[Int($0)] < folded[Int($1)] : $0 < $1
        }
        speakers.finish()
        items.finish()
        events.finish()
        articles.finish()
    }

    /// Ids of the speakers a `speaker:` value names.
    func speakerIDs(_ value: FilterWords) -> Set<String> {
        Set(speakers.positions(matching: value).map { speakerList[$0].id })
    }

    /// Ids of the speakers of a kind.
    func speakerIDs(kind: SpeakerKind) -> Set<String> {
        Set(speakerList.lazy.filter { $0.kind == kind }.map(\.id))
    }

    func itemIDs(_ value: FilterWords) -> Set<String> { Set(items.positions(matching: value).map { itemIDList[$0] }) }

    func itemIDs(number: Int) -> Set<String> {
        Set(itemNumbers.indices.filter { itemNumbers[$0] == number }.map { itemIDList[$0] })
    }

    func eventIDs(_ value: FilterWords) -> Set<String> {
        Set(events.positions(matching: value).map { eventList[$0].id })
    }

    /// Articles whose id equals `id` (case folded), else those whose id and title words hold the value.
    func articleIDs(id: String, words: FilterWords) -> Set<String> {
        // Binary search for the first article whose lowercased id is not below `id`.
        var lo = 0
        var hi = articlesByFoldedID.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if articleList[Int(articlesByFoldedID[mid])].id.lowercased() < id { lo = mid + 1 } else { hi = mid }
        }
        var exact: Set<String> = []
        while lo < articlesByFoldedID.count {
            let candidate = articleList[Int(articlesByFoldedID[lo])].id
            guard candidate.lowercased() == id else { break }
            exact.insert(candidate)
            lo += 1
        }
        return exact.isEmpty ? Set(articles.positions(matching: words).map { articleList[$0].id }) : exact
    }

    /// The date of each dated article by id (the last dated one where two share an id).
    func articleDatesByID() -> [String: Day] {
        var out: [String: Day] = [:]
        out.reserveCapacity(articleList.count)
        for a in articleList {
            if let d = a.date { out[a.id] = d }
        }
        return out
    }
}
