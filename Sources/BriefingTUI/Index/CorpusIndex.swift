import BriefingModel
import Foundation

/// Lookups over a corpus built once at start, so no frame or key does corpus-wide work.
///
/// The lists are orders over the corpus's own arrays (`Ordered`), and every grouping (quotes of a paragraph, of a
/// speaker, of an event; terms, events and speakers of a paragraph) is a run of row numbers in one flat array, so
/// the index copies no article, quote or speaker and costs a few bytes per item. What only other lists and links
/// need (quotes by id, by speaker, event and agenda item; incoming relations) is `Deferred`: built by `prepare()`
/// on another thread after the first frame, or on first use.
public final class CorpusIndex: Sendable {
    public let corpus: Corpus
    /// Articles by date then title (the Articles list order).
    public let articles: Ordered<Article>
    /// Most quoted first, then by name.
    public let speakers: Ordered<Speaker>
    /// By article (in list order), paragraph and position.
    public let quotes: Ordered<Quote>
    public let agendaItems: [AgendaEntry]
    /// Events by date (undated last): the Events list order and the order `]`/`[` step through.
    public let events: Ordered<Event>

    let articleRow: [String: Int32]
    /// Corpus position of each speaker id, and the list row of each corpus position.
    let speakerPosition: [String: Int32]
    let speakerRowOfPosition: [Int32]
    let eventRow: [String: Int32]
    let agendaRow: [String: Int]
    /// Number of the first paragraph of each article row in the flat paragraph numbering.
    let paragraphBase: [Int32]
    /// Quote rows of each flat paragraph: `quoteStart[p]..<quoteStart[p + 1]` (quotes of a paragraph are adjacent).
    let quoteStart: [Int32]
    let termsByParagraph: Groups
    /// Event rows mentioned in each flat paragraph, in list order, each once.
    let eventsByParagraph: Deferred<Groups>
    /// Speakers (corpus positions) mentioned in each flat paragraph, once per mention, in corpus order.
    let speakersByParagraph: Deferred<Groups>
    let warningsByPath: [String: [LoadWarning]]
    let quoteRows: Deferred<KeyedRows<QuoteIDKey>>
    let quotesBySpeaker: Deferred<Groups>
    let quotesByEvent: Deferred<Groups>
    let quotesByPillar: Deferred<[String: [Int32]]>
    let incomingRelations: Deferred<[String: [(event: String, label: String)]]>

    public init(_ corpus: Corpus) {
        self.corpus = corpus

        // Articles by date, title, id.
        let dates = corpus.articles.map { $0.date?.ordinal ?? Int.max }
        let articleOrder = Self.order(corpus.articles.count) { a, b in
            (dates[a], corpus.articles[a].title, corpus.articles[a].id)
                < (dates[b], corpus.articles[b].title, corpus.articles[b].id)
        }
        let articles = Ordered(corpus.articles, articleOrder)
        self.articles = articles
        let articleRow = Self.rows(articles.order) { corpus.articles[$0].id }
        self.articleRow = articleRow
        var base: [Int32] = []
        base.reserveCapacity(articles.count + 1)
        var total: Int32 = 0
        for a in articles {
            base.append(total)
            total += Int32(a.paragraphs.count)
        }
        base.append(total)
        let paragraphBase = base
        self.paragraphBase = paragraphBase
        let paragraphCount = Int(total)
        /// `Self.flat` in this index's paragraph numbering.
        @Sendable func flat(row: Int32?, _ paragraph: Int) -> Int? {
            Self.flat(row: row, paragraph, base: paragraphBase)
        }
        /// The same for an article id.
        @Sendable func flat(_ article: String, _ paragraph: Int) -> Int? { flat(row: articleRow[article], paragraph) }

        // Needed by the first frame, but not before the sorts below: built meanwhile on the other core.
        let speakersByParagraph = Deferred {
            // The flat paragraph of every mention (-1 when unknown), so the two passes look each up once; a
            // speaker's mentions come article by article, so the article before is tried first.
            var flats: [Int32] = []
            flats.reserveCapacity(corpus.speakers.reduce(0) { $0 + $1.mentions.count })
            var rows = RunLookup(articleRow)
            for s in corpus.speakers {
                for m in s.mentions { flats.append(flat(row: rows[m.article], m.paragraph).map(Int32.init) ?? -1) }
            }
            return Groups(count: paragraphCount) { emit in
                var i = 0
                for s in corpus.speakers.indices {
                    for _ in corpus.speakers[s].mentions {
                        if flats[i] >= 0 { emit(Int(flats[i]), Int32(s)) }
                        i += 1
                    }
                }
            }
        }
        speakersByParagraph.startInBackground()
        self.speakersByParagraph = speakersByParagraph

        // Events by date, title, id.
        let eventKeys = corpus.events.map(EventTime.sortKey)
        let eventOrder = Self.order(corpus.events.count) { a, b in
            (eventKeys[a], corpus.events[a].title, corpus.events[a].id)
                < (eventKeys[b], corpus.events[b].title, corpus.events[b].id)
        }
        let events = Ordered(corpus.events, eventOrder)
        self.events = events
        let eventRow = Self.rows(eventOrder) { corpus.events[$0].id }
        self.eventRow = eventRow
        /// The flat paragraph of every event mention, events in list order (-1 when unknown). An event's mentions
        /// come article by article (about two to an article on 2,000 articles), so the article before is tried first.
        @Sendable func mentionFlats() -> [Int32] {
            var flats: [Int32] = []
            flats.reserveCapacity(corpus.events.reduce(0) { $0 + $1.mentions.count })
            var rows = RunLookup(articleRow)
            for i in eventOrder {
                for m in corpus.events[Int(i)].mentions {
                    flats.append(flat(row: rows[m.article], m.paragraph).map(Int32.init) ?? -1)
                }
            }
            return flats
        }
        /// (flat paragraph, event row) of every event mention, events in list order, from its `mentionFlats()`.
        @Sendable func mentionPairs(_ flats: [Int32], _ emit: (Int, Int32) -> Void) {
            var k = 0
            for (row, i) in eventOrder.enumerated() {
                for _ in corpus.events[Int(i)].mentions {
                    if flats[k] >= 0 { emit(Int(flats[k]), Int32(row)) }
                    k += 1
                }
            }
        }
        // Needed by the first frame too, and like the speakers' built meanwhile on another thread (the mentions
        // looked up once for the two passes of the grouping).
        let eventsByParagraph = Deferred {
            let flats = mentionFlats()
            return Groups(count: paragraphCount, unique: true) { mentionPairs(flats, $0) }
        }
        eventsByParagraph.startInBackground()
        self.eventsByParagraph = eventsByParagraph

        // One pass over the quotes, by index (a quote copied out of the array retains every field): each quote's
        // article row (the article before tried first: quotes come article by article), paragraph and start for the
        // order, its flat paragraph, and its speaker's position for the speakers' quote counts.
        let speakerPosition = Self.rows(Array(0..<Int32(corpus.speakers.count))) { corpus.speakers[$0].id }
        self.speakerPosition = speakerPosition
        let quoteTotal = corpus.quotes.count
        let unknownArticle = Int32.max
        var keyArticle = [Int32](repeating: unknownArticle, count: quoteTotal)
        var keyParagraph = [Int32](repeating: 0, count: quoteTotal)
        var keyStart = [Int32](repeating: 0, count: quoteTotal)
        var starts = [Int32](repeating: 0, count: paragraphCount + 1)
        var quoteCount = [Int](repeating: 0, count: corpus.speakers.count)
        var articleRows = RunLookup(articleRow)
        var speakerPositions = RunLookup(speakerPosition)
        for i in 0..<quoteTotal {
            let row = articleRows[corpus.quotes[i].article]
            let paragraph = corpus.quotes[i].paragraph
            keyParagraph[i] = Int32(truncatingIfNeeded: paragraph)
            keyStart[i] = Int32(truncatingIfNeeded: corpus.quotes[i].start)
            if let row { keyArticle[i] = row }
            if let p = flat(row: row, paragraph) { starts[p + 1] += 1 }
            if let s = corpus.quotes[i].speaker, let position = speakerPositions[s] { quoteCount[Int(position)] += 1 }
        }
        for p in 0..<paragraphCount { starts[p + 1] += starts[p] }
        let quoteStart = starts
        self.quoteStart = quoteStart
        // Quotes by article row, paragraph, start (corpus order among equals).
        let quoteOrder = Self.quoteOrder(
            articles: keyArticle, paragraphs: keyParagraph, starts: keyStart, articleCount: articles.count)
        let quotes = Ordered(corpus.quotes, quoteOrder)
        self.quotes = quotes
        // Keyed by id without writing each id out (a string of its own per quote, 17 MB at 20k), or even keeping
        // the keys.
        self.quoteRows = Deferred { KeyedRows(count: quoteOrder.count) { corpus.quotes[Int(quoteOrder[$0])].idKey } }

        // Speakers: most quoted, then by lowercased name, then id.
        // Names and ids compared by their bytes where ASCII (the order `String` gives them, found faster).
        let lowered = corpus.speakers.map { SortText($0.name.lowercased()) }
        let speakerIDs = corpus.speakers.map { SortText($0.id) }
        let speakerOrder = Self.order(corpus.speakers.count) { a, b in
            if quoteCount[a] != quoteCount[b] { return quoteCount[a] > quoteCount[b] }
            let byName = SortText.compare(lowered[a], lowered[b])
            if byName != 0 { return byName < 0 }
            return SortText.compare(speakerIDs[a], speakerIDs[b]) < 0
        }
        let speakers = Ordered(corpus.speakers, speakerOrder)
        self.speakers = speakers
        var rowOfPosition = [Int32](repeating: 0, count: speakerOrder.count)
        for (row, p) in speakerOrder.enumerated() { rowOfPosition[Int(p)] = Int32(row) }
        let speakerRowOfPosition = rowOfPosition
        self.speakerRowOfPosition = speakerRowOfPosition

        self.quotesBySpeaker = Deferred {
            Groups(
                count: speakers.count,
                pairs: quoteOrder.indices.lazy.compactMap { row in
                    corpus.quotes[Int(quoteOrder[row])].speaker.flatMap { speakerPosition[$0] }.map {
                        (Int(speakerRowOfPosition[Int($0)]), Int32(row))
                    }
                })
        }
        self.quotesByPillar = Deferred {
            var byPillar: [String: [Int32]] = [:]
            for (row, i) in quoteOrder.enumerated() where !corpus.quotes[Int(i)].pillars.isEmpty {
                for p in Set(corpus.quotes[Int(i)].pillars) { byPillar[p, default: []].append(Int32(row)) }
            }
            return byPillar
        }

        self.termsByParagraph = Groups(
            count: paragraphCount,
            pairs: corpus.terms.indices.lazy.compactMap { i in
                flat(corpus.terms[i].article, corpus.terms[i].paragraph).map { ($0, Int32(i)) }
            })

        var entries: [AgendaEntry] = []
        for agenda in corpus.agendas {
            for item in agenda.items { entries.append(AgendaEntry(agenda: agenda, item: item)) }
        }
        self.agendaItems = entries
        var agendaRow: [String: Int] = [:]
        for (i, e) in entries.enumerated() where agendaRow[e.item.id] == nil { agendaRow[e.item.id] = i }
        self.agendaRow = agendaRow

        // Quotes about an event: those naming it, and those standing in a passage that mentions it (a paragraph of
        // at most `passageQuotes` quotes: one 5 MB paragraph with 9,506 quotes and 5,435 events made 51 million pairs).
        self.quotesByEvent = Deferred {
            var aboutPairs: [(Int, Int32)] = []
            for (row, i) in quoteOrder.enumerated() {
                for id in corpus.quotes[Int(i)].events {
                    if let e = eventRow[id] { aboutPairs.append((Int(e), Int32(row))) }
                }
            }
            // Made again rather than kept from above: the first frame does not need them held meanwhile.
            mentionPairs(mentionFlats()) { p, e in
                let rows = Int(quoteStart[p])..<Int(quoteStart[p + 1])
                guard rows.count <= CorpusIndex.passageQuotes else { return }
                for row in rows { aboutPairs.append((Int(e), Int32(row))) }
            }
            aboutPairs.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            return Groups(count: eventOrder.count, pairs: aboutPairs, unique: true)
        }

        // Relations other events state about an event that the event does not state back.
        self.incomingRelations = Deferred {
            var incoming: [String: [(event: String, label: String)]] = [:]
            for e in events where !e.related.isEmpty {
                for r in e.related {
                    guard let target = eventRow[r.event].map({ events[Int($0)] }), target.id != e.id,
                        !target.related.contains(where: { $0.event == e.id })
                    else { continue }
                    incoming[target.id, default: []].append((e.id, CorpusIndex.inverse(r.relation)))
                }
            }
            return incoming
        }

        var warnings: [String: [LoadWarning]] = [:]
        for w in corpus.warnings { warnings[w.path, default: []].append(w) }
        self.warningsByPath = warnings
    }

    /// The quote numbers ordered by article row (`Int32.max`: no article, last), paragraph, start, then number:
    /// grouped by article in one counting pass, each article's quotes sorted only when not in order already (they
    /// nearly always are: extraction lists them in position order).
    static func quoteOrder(articles: [Int32], paragraphs: [Int32], starts: [Int32], articleCount: Int) -> [Int32] {
        let count = articles.count
        // Bucket `articleCount` holds the quotes of no known article.
        var bucketStart = [Int](repeating: 0, count: articleCount + 2)
        for a in articles { bucketStart[(a == Int32.max ? articleCount : Int(a)) + 1] += 1 }
        for b in 0...articleCount { bucketStart[b + 1] += bucketStart[b] }
        var order = [Int32](repeating: 0, count: count)
        var next = bucketStart
        for i in 0..<count {
            let b = articles[i] == Int32.max ? articleCount : Int(articles[i])
            order[next[b]] = Int32(i)
            next[b] += 1
        }
        @inline(__always) func less(_ x: Int32, _ y: Int32) -> Bool {
            let a = Int(x)
            let b = Int(y)
            return (paragraphs[a], starts[a], a) < (paragraphs[b], starts[b], b)
        }
        for b in 0...articleCount {
            let range = bucketStart[b]..<bucketStart[b + 1]
            guard range.count > 1 else { continue }
            var sorted = true
            for k in range.dropFirst() where !less(order[k - 1], order[k]) {
                sorted = false
                break
            }
            if !sorted { order[range].sort(by: less) }
        }
        return order
    }

    /// The positions `0..<count` sorted by `less` (a total order, so the result does not depend on the sort).
    static func order(_ count: Int, _ less: (Int, Int) -> Bool) -> [Int32] {
        var order = (0..<Int32(count)).map { $0 }
        order.sort { less(Int($0), Int($1)) }
        return order
    }

    /// Row of each key in an order (the first row for a key that occurs twice: rows are set from the last, so that
    /// each key is hashed once).
    static func rows<Key: Hashable>(_ order: [Int32], key: (Int) -> Key) -> [Key: Int32] {
        var rows: [Key: Int32] = [:]
        rows.reserveCapacity(order.count)
        for row in order.indices.reversed() { rows[key(Int(order[row]))] = Int32(row) }
        return rows
    }

    /// Builds the deferred parts now (the reader calls it on another thread after the first frame).
    public func prepare() {
        _ = speakersByParagraph.value
        _ = eventsByParagraph.value
        _ = quoteRows.value
        _ = quotesBySpeaker.value
        _ = quotesByEvent.value
        _ = quotesByPillar.value
        _ = incomingRelations.value
    }

    // MARK: lookups

    /// The list row of a speaker.
    func speakerRow(_ id: String) -> Int? { speakerPosition[id].map { Int(speakerRowOfPosition[Int($0)]) } }
    /// The list row of a quote.
    func quoteRow(_ id: String) -> Int? { quoteRow(key: QuoteIDKey(id: id)) }
    /// The list row of the quote with the id of `quote`.
    func quoteRow(key: QuoteIDKey) -> Int? { quoteRows.value.row(key) { corpus.quotes[Int(quotes.order[$0])].idKey } }

    public func article(_ id: String) -> Article? { articleRow[id].map { articles[Int($0)] } }
    public func speaker(_ id: String) -> Speaker? { speakerPosition[id].map { corpus.speakers[Int($0)] } }
    public func quote(_ id: String) -> Quote? { quoteRow(id).map { quotes[$0] } }
    public func event(_ id: String) -> Event? { eventRow[id].map { events[Int($0)] } }

    /// The palette slot of a speaker's color.
    public func slot(ofSpeaker id: String?) -> Int {
        id.flatMap { speakerRow($0) }.map { $0 % Role.speakerSlots } ?? 0
    }

    /// The flat number of a paragraph, nil for an unknown article or a paragraph it does not have.
    private func flatParagraph(_ article: String, _ paragraph: Int) -> Int? {
        Self.flat(row: articleRow[article], paragraph, base: paragraphBase)
    }

    /// The flat number of a paragraph of the article at `row` (`base` holds each article row's first flat number,
    /// then the total), nil for an unknown article (no row) or a paragraph it does not have.
    @inline(__always)
    static func flat(row: Int32?, _ paragraph: Int, base: [Int32]) -> Int? {
        guard let row else { return nil }
        let lo = Int(base[Int(row)])
        let hi = Int(base[Int(row) + 1])
        return paragraph >= 0 && paragraph < hi - lo ? lo + paragraph : nil
    }

    func quotes(article: String, paragraph: Int) -> [Quote] {
        guard let p = flatParagraph(article, paragraph) else { return [] }
        return (Int(quoteStart[p])..<Int(quoteStart[p + 1])).map { quotes[$0] }
    }

    func terms(article: String, paragraph: Int) -> [Term] {
        guard let p = flatParagraph(article, paragraph) else { return [] }
        return termsByParagraph[p].map { corpus.terms[Int($0)] }
    }

    func events(article: String, paragraph: Int) -> [String] {
        guard let p = flatParagraph(article, paragraph) else { return [] }
        return eventsByParagraph.value[p].map { events[Int($0)].id }
    }

    /// The rows in `events` of the events the quotes at `rows` are about, each once, in the order first met: a
    /// quote's own events, then those its paragraph mentions (`events(article:paragraph:)`). A paragraph is read
    /// once however many of the quotes stand in it, and nothing is built per quote.
    func eventRows(aboutQuotes rows: some Sequence<Int32>) -> [Int32] {
        var seen = [Bool](repeating: false, count: events.count)
        var paragraphRead: Set<Int> = []
        var out: [Int32] = []
        let byParagraph = eventsByParagraph.value
        func add(_ r: Int32) {
            guard !seen[Int(r)] else { return }
            seen[Int(r)] = true
            out.append(r)
        }
        for row in rows {
            for id in quotes[Int(row)].events { if let r = eventRow[id] { add(r) } }
            let q = Int(row)
            guard let p = flatParagraph(quotes[q].article, quotes[q].paragraph), paragraphRead.insert(p).inserted
            else { continue }
            for r in byParagraph[p] { add(r) }
        }
        return out
    }

    /// Names of the speakers mentioned or quoted in a paragraph with their color slots, longest first.
    func speakerNames(article: String, paragraph: Int) -> [(name: String, slot: Int)] {
        guard let p = flatParagraph(article, paragraph) else { return [] }
        var names: [(name: String, slot: Int)] = []
        for s in speakersByParagraph.value[p] {
            let speaker = corpus.speakers[Int(s)]
            let slot = self.slot(ofSpeaker: speaker.id)
            let all = ([speaker.name] + speaker.aliases).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            for n in all { names.append((n, slot)) }
        }
        for i in Int(quoteStart[p])..<Int(quoteStart[p + 1]) {
            guard let sid = quotes[i].speaker, let s = speaker(sid) else { continue }
            let slot = self.slot(ofSpeaker: sid)
            for n in ([s.name] + s.aliases) where !n.isEmpty && !names.contains(where: { $0.name == n }) {
                names.append((n, slot))
            }
        }
        return names.sorted { $0.name.count > $1.name.count }
    }

    /// The most quotes a paragraph may hold for them to count as said about the events it mentions (beyond it, a
    /// quote is about an event only when it names it).
    static let passageQuotes = 32

    /// How an event stands to one that states `relation` about it ("after" for "before").
    static func inverse(_ relation: EventRelationKind) -> String {
        switch relation {
        case .before: return EventRelationKind.after.rawValue
        case .after: return EventRelationKind.before.rawValue
        case .same: return EventRelationKind.same.rawValue
        case .followUp: return "followed up by"
        }
    }

    /// Relations stated only by the other event, seen from this one.
    func incoming(event: String) -> [(event: String, label: String)] { incomingRelations.value[event] ?? [] }

    /// A speaker's quotes, as rows of the Quotes list (by date).
    func quoteRows(speaker: String) -> ArraySlice<Int32> {
        speakerRow(speaker).map { quotesBySpeaker.value[$0] } ?? []
    }

    /// How many quotes a speaker has (the Speakers list shows it on every row).
    func quoteCount(speaker: String) -> Int {
        speakerRow(speaker).map { quotesBySpeaker.value[$0].count } ?? 0
    }

    /// The quotes about an event (naming it, or in a passage that mentions it), as rows of the Quotes list.
    func quoteRows(event: String) -> ArraySlice<Int32> {
        eventRow[event].map { quotesByEvent.value[Int($0)] } ?? []
    }

    /// The quotes tagged with an agenda item, as rows of the Quotes list.
    func quoteRows(pillar: String) -> ArraySlice<Int32> { (quotesByPillar.value[pillar] ?? [])[...] }
    func warnings(path: String) -> [LoadWarning] { warningsByPath[path] ?? [] }

    /// Number of rows in a pane's list.
    public func count(_ pane: Pane) -> Int {
        switch pane {
        case .articles: return articles.count
        case .speakers: return speakers.count
        case .quotes: return quotes.count
        case .agenda: return agendaItems.count
        case .events: return events.count
        }
    }

    /// The row of an item in its pane's list.
    func row(of link: Link) -> (Pane, Int)? {
        switch link {
        case .article(let id), .paragraph(let id, _): return articleRow[id].map { (.articles, Int($0)) }
        case .speaker(let id): return speakerRow(id).map { (.speakers, $0) }
        case .quote(let id): return quoteRow(id).map { (.quotes, $0) }
        case .event(let id): return eventRow[id].map { (.events, Int($0)) }
        case .agendaItem(let id): return agendaRow[id].map { (.agenda, $0) }
        }
    }

    /// The date of an article, when known.
    func date(ofArticle id: String) -> Day? { article(id)?.date }
}

/// The elements of an array in another order, without copying them.
public struct Ordered<Element: Sendable>: RandomAccessCollection, Sendable {
    let base: [Element]
    /// Position in `base` of each element, in this order.
    let order: [Int32]

    init(_ base: [Element], _ order: [Int32]) {
        self.base = base
        self.order = order
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(position: Int) -> Element { base[Int(order[position])] }
}

/// A value built once, by whichever thread asks first; a thread asking while it is being built waits for it.
final class Deferred<Value: Sendable>: @unchecked Sendable {
    // `value` and `building` are read and written only with `condition` locked.
    private let condition = NSCondition()
    private var built: Value?
    private var building = false
    private let build: @Sendable () -> Value

    init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
    }

    /// Starts building on another thread (for what the first frame needs later in its own work), unless the value
    /// is built or being built.
    func startInBackground() {
        condition.lock()
        let idle = built == nil && !building
        condition.unlock()
        if idle { Thread.detachNewThread { _ = self.value } }
    }

    /// Whether the value is built.
    var isBuilt: Bool {
        condition.lock()
        defer { condition.unlock() }
        return built != nil
    }

    var value: Value {
        condition.lock()
        while building { condition.wait() }
        if let built {
            condition.unlock()
            return built
        }
        building = true
        condition.unlock()
        let v = build()
        condition.lock()
        built = v
        building = false
        condition.broadcast()
        condition.unlock()
        return v
    }
}

/// Numbers grouped under keys `0..<count`: each group a run of one flat array.
struct Groups: Sendable {
    private let start: [Int32]
    private let items: [Int32]

    /// Groups `(key, item)` pairs, keeping their order within a key; `unique` drops an item equal to the one before
    /// it in its group. Pairs with a key outside `0..<count` are ignored. `pairs` is read twice, so it must be a
    /// sequence that gives the same elements each time (a collection, or a lazy view of one).
    init<S: Sequence>(count: Int, pairs: S, unique: Bool = false) where S.Element == (Int, Int32) {
        self.init(count: count, unique: unique) { emit in
            for (k, v) in pairs { emit(k, v) }
        }
    }

    /// The same with the pairs handed to `emit` by `pairs`, which is called twice (to count, then to fill) and must
    /// hand over the same pairs both times: nothing but the groups themselves is held.
    init(count: Int, unique: Bool = false, pairs: ((Int, Int32) -> Void) -> Void) {
        var start = [Int32](repeating: 0, count: count + 1)
        pairs { k, _ in
            if k >= 0 && k < count { start[k + 1] += 1 }
        }
        for k in 0..<count { start[k + 1] += start[k] }
        var fill = start
        var items = [Int32](repeating: 0, count: Int(start[count]))
        pairs { k, v in
            guard k >= 0 && k < count else { return }
            if unique && fill[k] > start[k] && items[Int(fill[k]) - 1] == v { return }
            items[Int(fill[k])] = v
            fill[k] += 1
        }
        if unique {
            // Close the gaps the dropped duplicates left.
            var packed: [Int32] = []
            packed.reserveCapacity(items.count)
            var packedStart = [Int32](repeating: 0, count: count + 1)
            for k in 0..<count {
                packed.append(contentsOf: items[Int(start[k])..<Int(fill[k])])
                packedStart[k + 1] = Int32(packed.count)
            }
            self.start = packedStart
            self.items = packed
        } else {
            self.start = start
            self.items = items
        }
    }

    subscript(key: Int) -> ArraySlice<Int32> {
        guard key >= 0, key + 1 < start.count else { return [] }
        return items[Int(start[key])..<Int(start[key + 1])]
    }
}

/// One agenda item with the agenda it belongs to (a row of the Agenda list).
public struct AgendaEntry: Sendable, Hashable {
    public var agenda: Agenda
    public var item: AgendaItem
}

/// Dates of events as sortable numbers and short labels.
enum EventTime {
    /// Earliest known day ordinal, or Int.max when undated.
    static func sortKey(_ e: Event) -> Int {
        guard let d = e.date else { return Int.max }
        if let earliest = d.earliest { return earliest.ordinal }
        if let day = Day(iso: d.value) { return day.ordinal }
        let parts = d.value.split(separator: "-")
        if parts.count >= 1, let y = Int(parts[0]) {
            let m = parts.count >= 2 ? Int(parts[1]) ?? 1 : 1
            return Day(year: y, month: m, day: 1)?.ordinal ?? Int.max
        }
        return Int.max
    }

    /// "2019-02-27", "2019-02", "~2019-02-27"; "undated" when nothing is known.
    static func label(_ e: Event) -> String {
        guard let d = e.date else { return "undated" }
        return d.precision == .approximate ? "~" + d.value : d.value
    }
}

/// A string to sort by, compared as `String` compares but by its UTF-8 bytes when both sides are ASCII (for ASCII
/// text the two orders are the same, and the bytes skip Unicode's comparison rules).
struct SortText: Sendable {
    let text: String
    let ascii: Bool
    /// The first eight bytes, big-endian and padded with zeros: two ASCII texts whose prefixes differ compare as
    /// their prefixes do, by one integer comparison; only equal prefixes need the bytes after them.
    let prefix: UInt64

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var ascii = true
        var prefix: UInt64 = 0
        var n = 0
        for b in text.utf8 {
            if b >= 0x80 { ascii = false }
            if n < 8 { prefix |= UInt64(b) << (56 - 8 * UInt64(n)) }
            n += 1
        }
        self.ascii = ascii
        self.prefix = prefix
    }

    /// Negative, zero or positive as `a` sorts before, with or after `b`.
    static func compare(_ a: SortText, _ b: SortText) -> Int {
        if a.ascii && b.ascii {
            if a.prefix != b.prefix { return a.prefix < b.prefix ? -1 : 1 }
            let bytes = a.text.utf8.withContiguousStorageIfAvailable { x in
                b.text.utf8.withContiguousStorageIfAvailable { y -> Int in
                    let n = min(x.count, y.count)
                    if n > 0, let px = x.baseAddress, let py = y.baseAddress {
                        let c = memcmp(px, py, n)
                        if c != 0 { return Int(c) }
                    }
                    return x.count - y.count
                }
            }
            if let result = bytes ?? nil { return result }
        }
        return a.text < b.text ? -1 : (a.text == b.text ? 0 : 1)
    }
}
