/// An inverted index over the quotes of a corpus, built once and extended as articles are added.
///
/// Words are interned as term ids; each term has a posting list (sorted quote numbers with in-quote counts).
/// Terms are grouped by their stem, and a list of terms sorted by their UTF-8 bytes answers prefixes by binary
/// search. Each quote's tokens are kept in order (term id and scalar offsets) for phrase checks on candidate
/// quotes and for match ranges. Filters are checked against per-quote metadata.
public struct QuoteIndex: Sendable {
    /// The indexed quotes; a quote's position here is its document number.
    public private(set) var quotes: [Quote] = []
    var docByQuoteID: [String: Int32] = [:]

    // Tokens of every quote, flat; the tokens of quote d are tokenStart[docTokens[d]..<docTokens[d + 1]].
    var tokenTerm: [Int32] = []
    var tokenStart: [Int32] = []
    var tokenEnd: [Int32] = []
    var docTokens: [Int32] = [0]

    // Terms (folded words) and their stems ("keys").
    var terms: [String] = []
    var termIDs: [String: Int32] = [:]
    var keyIDs: [String: Int32] = [:]
    var keyTerms: [[Int32]] = []
    var postingDocs: [[Int32]] = []
    var postingCounts: [[UInt16]] = []
    /// Term ids ordered by the UTF-8 bytes of the term.
    var sortedTerms: [Int32] = []

    // Per-quote metadata, interned in `names`.
    var names: [String] = []
    var nameIDs: [String: Int32] = [:]
    var docSpeaker: [Int32] = []
    var docArticle: [Int32] = []
    var docPillars: [[Int32]] = []
    var docEvents: [[Int32]] = []
    /// The canonical speaker name for each interned name that is a speaker id (nil for other names).
    var speakerNames: [String?] = []
    /// The interned name of each speaker of the catalog, by position (`none` when no quote names it).
    var catalogSpeakerNames: [Int32] = []
    /// Day ordinal of the quote's article, `undated` when it has none.
    var docDay: [Int32] = []
    /// BM25 length normalization per quote: k1 * (1 - b + b * length / average length).
    var docNorm: [Double] = []
    var undatedCount = 0
    /// Quotes by interned speaker, article, pillar and event id (sorted quote numbers).
    var speakerDocs: [Int32: [Int32]] = [:]
    var articleDocs: [Int32: [Int32]] = [:]
    var pillarDocs: [Int32: [Int32]] = [:]
    var eventDocs: [Int32: [Int32]] = [:]

    var catalog = SearchCatalog()

    static let undated = Int32.min
    static let none: Int32 = -1
    static let k1 = 1.2
    static let b = 0.75

    /// An empty index.
    public init() {}

    /// Indexes every quote of `corpus`.
    public init(corpus: Corpus) {
        add(quotes: corpus.quotes, corpus: corpus)
    }

    /// How many quotes are indexed.
    public var count: Int { quotes.count }

    /// How many distinct folded words the quotes hold.
    public var termCount: Int { terms.count }

    /// Indexes the quotes of `corpus` that belong to `articles` (typically the articles just added).
    public mutating func add(articles: [Article], corpus: Corpus) {
        let ids = Set(articles.map(\.id))
        add(quotes: corpus.quotes.filter { ids.contains($0.article) }, corpus: corpus)
    }

    /// Indexes `newQuotes` (quotes already indexed, by id, are skipped) and takes the speakers, agendas, events
    /// and articles that filters resolve against from `corpus`, which should be the corpus after the addition.
    /// Quotes indexed earlier get their speaker, pillars and events refreshed from `corpus` when it still has them.
    public mutating func add(quotes newQuotes: [Quote], corpus: Corpus) {
        catalog = SearchCatalog(corpus: corpus)
        let firstNewTerm = terms.count
        for q in newQuotes where docByQuoteID[q.id] == nil {
            indexText(q)
        }
        refreshMetadata(from: corpus)
        mergeSortedTerms(from: firstNewTerm)
        refreshNorms()
    }

    // MARK: Building

    mutating func intern(term word: String) -> Int32 {
        if let id = termIDs[word] { return id }
        let id = Int32(terms.count)
        terms.append(word)
        termIDs[word] = id
        postingDocs.append([])
        postingCounts.append([])
        let key = SearchText.key(word)
        if let k = keyIDs[key] {
            keyTerms[Int(k)].append(id)
        } else {
            keyIDs[key] = Int32(keyTerms.count)
            keyTerms.append([id])
        }
        return id
    }

    mutating func intern(name: String) -> Int32 {
        if let id = nameIDs[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        nameIDs[name] = id
        return id
    }

    mutating func indexText(_ q: Quote) {
        let doc = Int32(quotes.count)
        quotes.append(q)
        docByQuoteID[q.id] = doc
        var counts: [Int32: Int] = [:]
        for t in SearchText.tokenize(q.text) {
            let term = intern(term: t.word)
            tokenTerm.append(term)
            tokenStart.append(Int32(t.start))
            tokenEnd.append(Int32(t.end))
            counts[term, default: 0] += 1
        }
        docTokens.append(Int32(tokenTerm.count))
        for (term, n) in counts.sorted(by: { $0.key < $1.key }) {
            postingDocs[Int(term)].append(doc)
            postingCounts[Int(term)].append(UInt16(clamping: n))
        }
        docSpeaker.append(Self.none)
        docArticle.append(Self.none)
        docPillars.append([])
        docEvents.append([])
        docDay.append(Self.undated)
    }

    mutating func refreshMetadata(from corpus: Corpus) {
        var current: [String: Quote] = [:]
        current.reserveCapacity(corpus.quotes.count)
        for q in corpus.quotes { current[q.id] = q }
        undatedCount = 0
        speakerDocs = [:]
        articleDocs = [:]
        pillarDocs = [:]
        eventDocs = [:]
        func post(_ id: Int32, _ doc: Int32, _ table: inout [Int32: [Int32]]) {
            if table[id]?.last != doc { table[id, default: []].append(doc) }
        }
        for d in quotes.indices {
            if let q = current[quotes[d].id], q.text == quotes[d].text { quotes[d] = q }
            let q = quotes[d]
            docSpeaker[d] = q.speaker.map { intern(name: $0) } ?? Self.none
            docArticle[d] = intern(name: q.article)
            docPillars[d] = q.pillars.map { intern(name: $0) }
            docEvents[d] = q.events.map { intern(name: $0) }
            let doc = Int32(d)
            if docSpeaker[d] != Self.none { post(docSpeaker[d], doc, &speakerDocs) }
            post(docArticle[d], doc, &articleDocs)
            for p in docPillars[d] { post(p, doc, &pillarDocs) }
            for e in docEvents[d] { post(e, doc, &eventDocs) }
            if let day = catalog.articleDates[q.article] {
                docDay[d] = Int32(clamping: day.ordinal)
            } else {
                docDay[d] = Self.undated
                undatedCount += 1
            }
        }
        speakerNames = names.map { catalog.speakerNames[$0] }
        catalogSpeakerNames = catalog.speakers.entries.map { nameIDs[$0.id] ?? Self.none }
    }

    /// The canonical name of quote `d`'s speaker, when it has one the corpus knows.
    func docSpeakerName(_ d: Int) -> String? {
        let s = docSpeaker[d]
        return s >= 0 && Int(s) < speakerNames.count ? speakerNames[Int(s)] : nil
    }

    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    mutating func mergeSortedTerms(from firstNew: Int) {
        guard firstNew < terms.count else { return }
        let fresh = (firstNew..<terms.count).map { Int32($0) }.sorted { Self.precedes(terms[Int($0)], terms[Int($1)]) }
        var merged: [Int32] = []
        merged.reserveCapacity(sortedTerms.count + fresh.count)
        var i = 0
        var j = 0
        while i < sortedTerms.count || j < fresh.count {
            if j == fresh.count
                || (i < sortedTerms.count && Self.precedes(terms[Int(sortedTerms[i])], terms[Int(fresh[j])]))
            {
                merged.append(sortedTerms[i])
                i += 1
            } else {
                merged.append(fresh[j])
                j += 1
            }
        }
        sortedTerms = merged
    }

    mutating func refreshNorms() {
        let n = quotes.count
        let average = n == 0 ? 1 : max(1, Double(tokenTerm.count) / Double(n))
        docNorm = (0..<n).map { d in
            let length = Double(docTokens[d + 1] - docTokens[d])
            return Self.k1 * (1 - Self.b + Self.b * length / average)
        }
    }

    /// An estimate of the bytes the index's own tables hold (tokens, terms, posting lists, per-quote metadata,
    /// lookup tables), not counting the `Quote` values it keeps: element sizes plus a fixed cost per array,
    /// string and dictionary entry. For the benchmarks' memory figures.
    public var estimatedTableBytes: Int {
        let array = 32
        let entry = 48
        func strings(_ xs: [String]) -> Int { xs.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count + 32 : 0) } }
        func lists<T>(_ xs: [[T]]) -> Int {
            xs.reduce(array + xs.count * 8) { $0 + ($1.isEmpty ? 0 : array + $1.count * MemoryLayout<T>.stride) }
        }
        func table(_ t: [Int32: [Int32]]) -> Int { t.values.reduce(t.count * entry) { $0 + array + $1.count * 4 } }
        var bytes = 4 * (tokenTerm.count + tokenStart.count + tokenEnd.count + docTokens.count + sortedTerms.count)
        bytes += strings(terms) + termIDs.count * entry + keyIDs.count * entry + lists(keyTerms)
        bytes += lists(postingDocs) + lists(postingCounts)
        bytes += strings(names) + nameIDs.count * entry + speakerNames.count * 16
        bytes += 4 * (docSpeaker.count + docArticle.count + docDay.count) + 8 * docNorm.count
        bytes += lists(docPillars) + lists(docEvents)
        bytes += table(speakerDocs) + table(articleDocs) + table(pillarDocs) + table(eventDocs)
        bytes += docByQuoteID.count * entry
        return bytes
    }

    // MARK: Lookups

    /// Term ids whose stem is the stem of `word`.
    func terms(matching word: String) -> [Int32] {
        guard let k = keyIDs[SearchText.key(word)] else { return [] }
        return keyTerms[Int(k)]
    }

    /// Term ids that start with `prefix` (binary search in the sorted terms).
    func terms(withPrefix prefix: String) -> [Int32] {
        var lo = 0
        var hi = sortedTerms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.precedes(terms[Int(sortedTerms[mid])], prefix) { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int32] = []
        while lo < sortedTerms.count, terms[Int(sortedTerms[lo])].utf8.starts(with: prefix.utf8) {
            out.append(sortedTerms[lo])
            lo += 1
        }
        return out
    }
}
