import Foundation

/// An inverted index over the quotes of a corpus, built once and extended as articles are added.
///
/// Words are read as UTF-8 bytes and interned as term ids through one hash table of byte strings; each term has
/// a posting list (sorted quote numbers with in-quote counts), all of them in two flat arrays filled by counting
/// passes. Terms are grouped by their stem, and a list of terms sorted by their UTF-8 bytes answers prefixes by
/// binary search. Each quote's tokens are kept in order as term ids for phrase checks on candidate quotes; where a
/// token lies (for match ranges) is read again from the quote's text, for the hits only. Filters are checked
/// against per-quote metadata.
public struct QuoteIndex: Sendable {
    /// The indexed quotes; a quote's position here is its document number.
    public private(set) var quotes: [Quote] = []

    /// The term of each token of every quote, flat: the tokens of quote d are
    /// tokenTerm[docTokens[d]..<docTokens[d + 1]].
    var tokenTerm = TermTokens()
    var docTokens: [Int32] = [0]

    // Terms (folded words) and their stems ("keys").
    var terms = ByteInterner()
    var keys = ByteInterner()
    /// The key of each term.
    var termKey: [Int32] = []
    /// The terms of key k are keyTermList[keyTermStart[k]..<keyTermStart[k + 1]], ascending.
    var keyTermStart: [Int32] = [0]
    var keyTermList: [Int32] = []
    /// The postings of term t are postingDoc/postingCount[postingStart[t]..<postingStart[t + 1]].
    var postingStart: [Int32] = [0]
    var postingDoc: [Int32] = []
    var postingCount: [UInt16] = []
    /// Term ids ordered by the UTF-8 bytes of the term.
    var sortedTerms: [Int32] = []

    // Per-quote metadata, interned in `names`.
    var names: [String] = []
    var nameIDs: [String: Int32] = [:]
    var docSpeaker: [Int32] = []
    var docArticle: [Int32] = []
    /// The interned agenda item ids and event ids of each quote, by quote number.
    var docPillars = FlatLists()
    var docEvents = FlatLists()
    /// The canonical speaker name for each interned name that is a speaker id (nil for other names).
    var speakerNames: [String?] = []
    /// The interned name of each speaker of the catalog, by position (`none` when no quote names it).
    var catalogSpeakerNames: [Int32] = []
    /// Day ordinal of the quote's article, `undated` when it has none.
    var docDay: [Int32] = []
    /// The average token count of a quote (at least 1), for BM25's length normalization (`norms`).
    var averageLength: Double = 1
    var undatedCount = 0
    /// Quotes by interned speaker, article, pillar and event id (sorted quote numbers), list n for name n.
    var speakerDocs = FlatLists()
    var articleDocs = FlatLists()
    var pillarDocs = FlatLists()
    var eventDocs = FlatLists()

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

    /// The quotes holding term `t`, ascending.
    func postingDocs(_ t: Int) -> [Int32] { Array(postingDoc[Int(postingStart[t])..<Int(postingStart[t + 1])]) }

    /// How often term `t` occurs in each quote of `postingDocs(t)` (saturated at `UInt16.max`).
    func postingCounts(_ t: Int) -> [UInt16] {
        Array(postingCount[Int(postingStart[t])..<Int(postingStart[t + 1])])
    }

    /// How many quotes hold term `t`.
    func documentFrequency(_ t: Int) -> Int { Int(postingStart[t + 1] - postingStart[t]) }

    /// Indexes the quotes of `corpus` that belong to `articles` (typically the articles just added).
    public mutating func add(articles: [Article], corpus: Corpus) {
        let ids = Set(articles.map(\.id))
        add(quotes: corpus.quotes.filter { ids.contains($0.article) }, corpus: corpus)
    }

    /// Indexes `newQuotes` (quotes already indexed, by id, are skipped) and takes the speakers, agendas, events
    /// and articles that filters resolve against from `corpus`, which should be the corpus after the addition.
    /// Quotes indexed earlier get their speaker, pillars and events refreshed from `corpus` when it still has them.
    public mutating func add(quotes newQuotes: [Quote], corpus: Corpus) {
        // The catalog (speakers, agenda items, events, articles) is built on another thread meanwhile.
        let slot = CatalogSlot()
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) { slot.catalog = SearchCatalog(corpus: corpus) }
        let firstNewTerm = terms.count
        let firstNewDoc = quotes.count
        var scanner = WordScanner()
        // The ids already indexed, only while adding (a table kept for good would cost more than the rare
        // later addition spends rebuilding it).
        var seen = Set<QuoteIDKey>(minimumCapacity: quotes.count + newQuotes.count)
        for q in quotes { seen.insert(q.idKey) }
        var taken: [Int] = []
        for (i, q) in newQuotes.enumerated() where seen.insert(q.idKey).inserted {
            taken.append(i)
            indexText(q, scanner: &scanner)
        }
        seen = []
        // A first addition of distinct quotes shares the caller's array rather than copying every quote.
        if quotes.isEmpty && taken.count == newQuotes.count {
            quotes = newQuotes
        } else {
            quotes.reserveCapacity(quotes.count + taken.count)
            for i in taken { quotes.append(newQuotes[i]) }
        }
        buildKeys(from: firstNewTerm)
        buildPostings(from: firstNewDoc, oldTermCount: firstNewTerm)
        group.wait()
        catalog = slot.catalog
        refreshMetadata(from: corpus)
        mergeSortedTerms(from: firstNewTerm)
        refreshNorms()
    }

    // MARK: Building

    /// Appends the tokens of quote `q` (term ids interned on the fly) and room for its metadata; the caller
    /// appends the quote itself, and postings come later in one pass.
    mutating func indexText(_ q: Quote, scanner: inout WordScanner) {
        scanner.scan(q.textSlice) { word, _, _ in tokenTerm.append(terms.intern(word)) }
        docTokens.append(Int32(tokenTerm.count))
        docSpeaker.append(Self.none)
        docArticle.append(Self.none)
        docDay.append(Self.undated)
    }

    /// Stems the terms from `firstNew` on and regroups all terms by key (term ids ascending in each group).
    mutating func buildKeys(from firstNew: Int) {
        guard firstNew < terms.count else { return }
        var scratch: [UInt8] = []
        for t in firstNew..<terms.count {
            scratch.removeAll(keepingCapacity: true)
            terms.withBytes(Int32(t)) { scratch.append(contentsOf: $0) }
            _ = LightStemmer.stem(bytes: &scratch)
            termKey.append(scratch.withUnsafeBufferPointer { keys.intern($0) })
        }
        var start = [Int32](repeating: 0, count: keys.count + 1)
        for k in termKey { start[Int(k) + 1] += 1 }
        for k in 0..<keys.count { start[k + 1] += start[k] }
        var cursor = start
        var list = [Int32](repeating: 0, count: termKey.count)
        for (t, k) in termKey.enumerated() {
            list[Int(cursor[Int(k)])] = Int32(t)
            cursor[Int(k)] += 1
        }
        keyTermStart = start
        keyTermList = list
    }

    /// Adds the postings of quotes `firstDoc...` to the flat lists: one pass counts the quotes of each term,
    /// the old lists are copied to their new places, and a second pass writes quote numbers and counts.
    mutating func buildPostings(from firstDoc: Int, oldTermCount: Int) {
        let termTotal = terms.count
        guard firstDoc < quotes.count || termTotal > oldTermCount else { return }
        var fresh = [Int32](repeating: 0, count: termTotal)
        var last = [Int32](repeating: -1, count: termTotal)
        for d in firstDoc..<quotes.count {
            for i in Int(docTokens[d])..<Int(docTokens[d + 1]) {
                let t = Int(tokenTerm[i])
                if last[t] != Int32(d) {
                    last[t] = Int32(d)
                    fresh[t] += 1
                }
            }
        }
        var start = [Int32](repeating: 0, count: termTotal + 1)
        for t in 0..<termTotal {
            let old = t < oldTermCount ? postingStart[t + 1] - postingStart[t] : 0
            start[t + 1] = start[t] + old + fresh[t]
        }
        let total = Int(start[termTotal])
        var docs = [Int32](repeating: 0, count: total)
        var counts = [UInt16](repeating: 0, count: total)
        var cursor = [Int32](repeating: 0, count: termTotal)
        for t in 0..<termTotal {
            var at = Int(start[t])
            if t < oldTermCount {
                for p in Int(postingStart[t])..<Int(postingStart[t + 1]) {
                    docs[at] = postingDoc[p]
                    counts[at] = postingCount[p]
                    at += 1
                }
            }
            cursor[t] = Int32(at)
        }
        for t in 0..<termTotal { last[t] = -1 }
        docs.withUnsafeMutableBufferPointer { docs in
            counts.withUnsafeMutableBufferPointer { counts in
                for d in firstDoc..<quotes.count {
                    for i in Int(docTokens[d])..<Int(docTokens[d + 1]) {
                        let t = Int(tokenTerm[i])
                        if last[t] != Int32(d) {
                            last[t] = Int32(d)
                            docs[Int(cursor[t])] = Int32(d)
                            counts[Int(cursor[t])] = 1
                            cursor[t] += 1
                        } else {
                            let c = Int(cursor[t]) - 1
                            if counts[c] < UInt16.max { counts[c] += 1 }
                        }
                    }
                }
            }
        }
        postingStart = start
        postingDoc = docs
        postingCount = counts
    }

    mutating func intern(name: String) -> Int32 {
        if let id = nameIDs[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        nameIDs[name] = id
        return id
    }

    mutating func refreshMetadata(from corpus: Corpus) {
        // Usually the corpus holds exactly the indexed quotes in index order: then no lookup table is needed.
        let aligned =
            corpus.quotes.count == quotes.count
            && corpus.quotes.indices.allSatisfy { corpus.quotes[$0].idKey == quotes[$0].idKey }
        var current: [QuoteIDKey: Quote] = [:]
        if !aligned {
            current.reserveCapacity(corpus.quotes.count)
            for q in corpus.quotes { current[q.idKey] = q }
        }
        // The day of each interned article name (`undated` when it has none), looked up once per article.
        var articleDay: [Int32: Int32] = [:]
        let dates = catalog.articleDatesByID()
        undatedCount = 0
        var pillars = FlatLists()
        var events = FlatLists()
        pillars.reserve(lists: quotes.count, items: 0)
        events.reserve(lists: quotes.count, items: 0)
        let same =
            aligned
            && quotes.withUnsafeBufferPointer { a in
                corpus.quotes.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress }
            }
        if aligned && !same {
            // Taking the corpus's array whole keeps one copy of the quotes (it usually is the array indexed).
            if corpus.quotes.indices.allSatisfy({ corpus.quotes[$0].textSlice == quotes[$0].textSlice }) {
                quotes = corpus.quotes
            } else {
                for d in quotes.indices where corpus.quotes[d].textSlice == quotes[d].textSlice {
                    quotes[d] = corpus.quotes[d]
                }
            }
        }
        for d in quotes.indices {
            if !aligned, let q = current[quotes[d].idKey], q.textSlice == quotes[d].textSlice {
                quotes[d] = q
            }
            let q = quotes[d]
            docSpeaker[d] = q.speaker.map { intern(name: $0) } ?? Self.none
            docArticle[d] = intern(name: q.article)
            // A quote with the same lists as the one before (the quotes of a passage mostly have them) repeats its
            // names without looking them up again.
            if d > 0, q.pillars == quotes[d - 1].pillars {
                pillars.repeatLast()
            } else {
                pillars.append(q.pillars.map { intern(name: $0) })
            }
            if d > 0, q.events == quotes[d - 1].events {
                events.repeatLast()
            } else {
                events.append(q.events.map { intern(name: $0) })
            }
            let day: Int32
            if let known = articleDay[docArticle[d]] {
                day = known
            } else {
                day = dates[q.article].map { Int32(clamping: $0.ordinal) } ?? Self.undated
                articleDay[docArticle[d]] = day
            }
            docDay[d] = day
            if day == Self.undated { undatedCount += 1 }
        }
        catalogSpeakerNames = catalog.speakerList.map { nameIDs[$0.id] ?? Self.none }
        docPillars = pillars
        docEvents = events
        let n = quotes.count
        speakerDocs = FlatLists.inverting(keys: names.count, lists: n) { d, emit in emit(docSpeaker[d]) }
        articleDocs = FlatLists.inverting(keys: names.count, lists: n) { d, emit in emit(docArticle[d]) }
        pillarDocs = FlatLists.inverting(keys: names.count, lists: n) { d, emit in pillars[d].forEach(emit) }
        eventDocs = FlatLists.inverting(keys: names.count, lists: n) { d, emit in events[d].forEach(emit) }
        // The canonical name of each interned speaker id (the last speaker's where two share an id).
        speakerNames = Array(repeating: nil, count: names.count)
        for (p, n) in catalogSpeakerNames.enumerated() where n != Self.none {
            speakerNames[Int(n)] = catalog.speakerList[p].name
        }
    }

    /// The canonical name of quote `d`'s speaker, when it has one the corpus knows.
    func docSpeakerName(_ d: Int) -> String? {
        let s = docSpeaker[d]
        return s >= 0 && Int(s) < speakerNames.count ? speakerNames[Int(s)] : nil
    }

    mutating func mergeSortedTerms(from firstNew: Int) {
        guard firstNew < terms.count else { return }
        let fresh = (firstNew..<terms.count).map { Int32($0) }.sorted { terms.compare($0, $1) < 0 }
        var merged: [Int32] = []
        merged.reserveCapacity(sortedTerms.count + fresh.count)
        var i = 0
        var j = 0
        while i < sortedTerms.count || j < fresh.count {
            if j == fresh.count
                || (i < sortedTerms.count && terms.compare(sortedTerms[i], fresh[j]) < 0)
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
        averageLength = n == 0 ? 1 : max(1, Double(tokenTerm.count) / Double(n))
    }

    /// BM25 length normalization, k1 * (1 - b + b * length / average length), computed from each quote's token
    /// count when scored rather than kept per quote.
    var norms: LengthNorms { LengthNorms(docTokens: docTokens, averageLength: averageLength) }

    /// An estimate of the bytes the index's own tables hold (tokens, terms, posting lists, per-quote metadata,
    /// lookup tables), not counting the `Quote` values it keeps: element sizes plus a fixed cost per array,
    /// string and dictionary entry. For the benchmarks' memory figures.
    public var estimatedTableBytes: Int {
        let entry = 48
        func strings(_ xs: [String]) -> Int { xs.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count + 32 : 0) } }
        var bytes = tokenTerm.estimatedBytes + 4 * (docTokens.count + sortedTerms.count)
        bytes += terms.estimatedBytes + keys.estimatedBytes
        bytes += 4 * (termKey.count + keyTermStart.count + keyTermList.count)
        bytes += 4 * (postingStart.count + postingDoc.count) + 2 * postingCount.count
        bytes += strings(names) + nameIDs.count * entry + speakerNames.count * 16
        bytes += 4 * (docSpeaker.count + docArticle.count + docDay.count)
        bytes += docPillars.estimatedBytes + docEvents.estimatedBytes
        bytes += speakerDocs.estimatedBytes + articleDocs.estimatedBytes
        bytes += pillarDocs.estimatedBytes + eventDocs.estimatedBytes
        return bytes
    }

    // MARK: Lookups

    /// Term ids whose stem is the stem of `word`.
    func terms(matching word: String) -> [Int32] {
        guard let k = keys.find(SearchText.key(word)) else { return [] }
        return Array(keyTermList[Int(keyTermStart[Int(k)])..<Int(keyTermStart[Int(k) + 1])])
    }

    /// Term ids that start with `prefix` (binary search in the sorted terms).
    func terms(withPrefix prefix: String) -> [Int32] { Array(terms.ids(withPrefix: prefix, in: sortedTerms)) }
}

/// Hands the catalog built on another thread back to `QuoteIndex.add`, which waits for it before reading.
private final class CatalogSlot: @unchecked Sendable {
    var catalog = SearchCatalog()
}
