import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes and reads the model field by field in the cache's binary format (see `BinaryCoder`).
///
/// Every type has one `write` and one `read` here, in the same field order; a field added to the model must be
/// added to both and `CorpusCache.Entry.formatVersion` raised, or old caches would be misread (the round-trip
/// tests compare a decoded corpus with the original, so a forgotten field fails them).
///
/// The model is written in three sections, each with its own shared strings, so that two threads can read it at
/// once: the articles and the first half of the quotes (a quote's text is a range of its article's paragraph); the
/// second half of the quotes (from the first article boundary past the middle); speakers, terms, agendas, events,
/// warnings and the skipped paths. A trailer of sixteen bytes gives the file offsets of the second and third.
///
/// The main thread reads the first section; another reads the third, then the second once the articles are read
/// (`read(first:quotes:rest:parallel:)`), so each thread does about half the work.
enum CorpusCodec {
    /// The bytes of the trailer: the offsets of the second and third sections, little-endian.
    static let trailerSize = 16

    /// Where the sections of an encoded model start.
    struct Sections {
        /// The second half of the quotes.
        var quotes: Int
        /// Speakers and the rest.
        var rest: Int
    }

    /// Writes the three sections and the trailer (the writer's offsets count from the start of the file).
    static func write(_ c: Corpus, skipped: [String], to w: inout BinaryWriter) {
        w.startSection()
        w.unsigned(UInt64(c.articles.count))
        for a in c.articles { write(a, to: &w) }
        // Split where an article's quotes end (so the equal lists of a passage stay shared), past the middle.
        var half = c.quotes.count / 2
        while half > 0 && half < c.quotes.count && c.quotes[half].article == c.quotes[half - 1].article { half += 1 }
        w.unsigned(UInt64(c.quotes.count))
        w.unsigned(UInt64(half))
        var slices = QuoteSlices(c.articles)
        for q in c.quotes[..<half] { write(q, slices: &slices, to: &w) }
        let quotes = w.offset
        w.startSection()
        w.unsigned(UInt64(c.quotes.count - half))
        for q in c.quotes[half...] { write(q, slices: &slices, to: &w) }
        let second = w.offset
        w.startSection()
        w.unsigned(UInt64(c.speakers.count))
        for s in c.speakers { write(s, to: &w) }
        w.unsigned(UInt64(c.terms.count))
        for t in c.terms { write(t, to: &w) }
        w.unsigned(UInt64(c.agendas.count))
        for a in c.agendas { write(a, to: &w) }
        w.unsigned(UInt64(c.events.count))
        for e in c.events { write(e, to: &w) }
        w.unsigned(UInt64(c.warnings.count))
        for x in c.warnings { write(x, to: &w) }
        w.strings(skipped)
        w.fixed(UInt64(quotes))
        w.fixed(UInt64(second))
    }

    /// The sections of an input of `size` bytes, read from its trailer by `bytesAt` (the trailer's bytes from an
    /// offset); throws when the offsets cannot be those of sections in order.
    static func sections(size: Int, bytesAt: (Int) -> [UInt8]) throws(BinaryCoder.Malformed) -> Sections {
        guard size >= trailerSize else { throw BinaryCoder.Malformed(description: "truncated cache") }
        let trailer = bytesAt(size - trailerSize)
        guard trailer.count == trailerSize else { throw BinaryCoder.Malformed(description: "truncated cache") }
        var values: [UInt64] = [0, 0]
        for (k, b) in trailer.enumerated() { values[k / 8] |= UInt64(b) << (8 * UInt64(k % 8)) }
        guard values[0] <= values[1], values[1] <= UInt64(size - trailerSize) else {
            throw BinaryCoder.Malformed(description: "bad section offset")
        }
        return Sections(quotes: Int(values[0]), rest: Int(values[1]))
    }

    /// The model from its three sections, each reader ending where its section does. With `parallel`, another
    /// thread reads the third section and then, once this one has read the articles, the second half of the quotes.
    static func read(
        first: consuming BinaryReader, quotes: consuming BinaryReader, rest: consuming BinaryReader, parallel: Bool
    ) throws(BinaryCoder.Malformed) -> (corpus: Corpus, skipped: [String]) {
        var first = first
        guard parallel else {
            var (q, r) = (quotes, rest)
            let table = try readArticles(&first)
            let total = try first.count()
            var all = try readQuotes(&first, table, reserving: total)
            let more = try readQuotes(&q, table)
            return try assemble(table.articles, &all, more, total: total, try readRest(&r))
        }
        let articles = Handoff<ArticleTable?>()
        let other = Handoff<Result<(Rest, [Quote]), BinaryCoder.Malformed>>()
        let (quoteReader, restReader) = (quotes, rest)
        Thread.detachNewThread {
            var (q, r) = (quoteReader, restReader)
            other.fulfil(
                Result { () throws(BinaryCoder.Malformed) -> (Rest, [Quote]) in
                    let rest = try readRest(&r)
                    guard let table = articles.wait(or: nil) else {
                        throw BinaryCoder.Malformed(description: "articles not read")
                    }
                    return (rest, try readQuotes(&q, table))
                })
        }
        let notRead = Result<(Rest, [Quote]), BinaryCoder.Malformed>.failure(.init(description: "section not read"))
        // The other thread is waited for even when this section is malformed (the caller closes the file).
        let table: ArticleTable
        do {
            table = try readArticles(&first)
        } catch {
            articles.fulfil(nil)
            _ = other.wait(or: notRead)
            throw error
        }
        articles.fulfil(table)
        var all: [Quote]
        let total: Int
        do {
            total = try first.count()
            all = try readQuotes(&first, table, reserving: total)
        } catch {
            _ = other.wait(or: notRead)
            throw error
        }
        let (r, more) = try other.wait(or: notRead).get()
        return try assemble(table.articles, &all, more, total: total, r)
    }

    /// The model in an open file (from its start: `header` reads what stands before the model), read by two
    /// threads (`read(first:quotes:rest:parallel:)`).
    static func read(
        descriptor fd: Int32, header: (inout BinaryReader) throws(BinaryCoder.Malformed) -> Void = { _ in }
    ) throws(BinaryCoder.Malformed) -> (corpus: Corpus, skipped: [String]) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw BinaryCoder.Malformed(description: "cannot read the cache") }
        let size = Int(info.st_size)
        let at = try sections(size: size) { offset in
            var bytes = [UInt8](repeating: 0, count: trailerSize)
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            return got == trailerSize ? bytes : []
        }
        var first = BinaryReader(descriptor: fd, to: at.quotes)
        try header(&first)
        return try read(
            first: first, quotes: BinaryReader(descriptor: fd, from: at.quotes, to: at.rest),
            rest: BinaryReader(descriptor: fd, from: at.rest, to: size - trailerSize), parallel: true)
    }

    /// The corpus from its parts: the quotes of the first section followed by `more`, which must make `total`.
    private static func assemble(
        _ articles: [Article], _ quotes: inout [Quote], _ more: [Quote], total: Int, _ r: Rest
    ) throws(BinaryCoder.Malformed) -> (corpus: Corpus, skipped: [String]) {
        guard quotes.count + more.count == total else { throw BinaryCoder.Malformed(description: "quote count") }
        quotes.append(contentsOf: more)
        var c = Corpus()
        c.articles = articles
        c.speakers = r.speakers
        c.quotes = quotes
        c.terms = r.terms
        c.agendas = r.agendas
        c.events = r.events
        c.warnings = r.warnings
        return (c, r.skipped)
    }

    /// What the third section holds.
    struct Rest: Sendable {
        var speakers: [Speaker]
        var terms: [Term]
        var agendas: [Agenda]
        var events: [Event]
        var warnings: [LoadWarning]
        var skipped: [String]
    }

    /// The articles, and where each id first stands (what a quote's text is looked up in).
    struct ArticleTable: Sendable {
        var articles: [Article]
        var position: [String: Int]
    }

    /// The articles at the start of the first section.
    static func readArticles(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> ArticleTable {
        var scratch: [UInt8] = []
        let articles = try r.array { r throws(BinaryCoder.Malformed) in try readArticle(&r, scratch: &scratch) }
        var position: [String: Int] = [:]
        position.reserveCapacity(articles.count)
        for (i, a) in articles.enumerated() where position[a.id] == nil { position[a.id] = i }
        return ArticleTable(articles: articles, position: position)
    }

    /// The quotes of a section, to its end: their number, then each quote, its text a range of a paragraph in
    /// `table`. Room is made for `reserving` quotes when more (the first section's quotes are joined by the second's,
    /// and `assemble` checks that the two make the total the first section gives before them).
    static func readQuotes(_ r: inout BinaryReader, _ table: ArticleTable, reserving: Int = 0)
        throws(BinaryCoder.Malformed) -> [Quote]
    {
        let count = try r.count()
        var quotes: [Quote] = []
        quotes.reserveCapacity(min(max(count, reserving), 1 << 20))
        var lists = SharedLists()
        // Quotes come article by article: the last article found is tried first.
        var last: (id: String, position: Int)?
        for _ in 0..<count {
            let quote = try readQuote(&r, lists: &lists) { article, paragraph in
                let found: Int?
                if let last, last.id == article { found = last.position } else { found = table.position[article] }
                guard let a = found else { return nil }
                last = (article, a)
                return table.articles[a].paragraphs.indices.contains(paragraph)
                    ? table.articles[a].paragraphs[paragraph].textSlice : nil
            }
            quotes.append(quote)
        }
        try r.expectEnd()
        return quotes
    }

    /// The third section, to its end.
    static func readRest(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> Rest {
        let speakers = try r.array { r throws(BinaryCoder.Malformed) in try readSpeaker(&r) }
        let terms = try r.array { r throws(BinaryCoder.Malformed) in try readTerm(&r) }
        let agendas = try r.array { r throws(BinaryCoder.Malformed) in try readAgenda(&r) }
        let events = try r.array { r throws(BinaryCoder.Malformed) in try readEvent(&r) }
        let warnings = try r.array { r throws(BinaryCoder.Malformed) in try readWarning(&r) }
        let skipped = try r.strings()
        try r.expectEnd()
        return Rest(
            speakers: speakers, terms: terms, agendas: agendas, events: events, warnings: warnings, skipped: skipped)
    }

    // MARK: - Small values

    static func write(_ d: Day?, to w: inout BinaryWriter) {
        guard let d else { return w.byte(0) }
        w.byte(1)
        w.int(d.ordinal)
    }

    static func readDay(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> Day? {
        guard try r.bool() else { return nil }
        let ordinal = try r.int()
        // Days of years 1...9999 only, as `Day` allows.
        guard (-719_162...2_932_896).contains(ordinal) else { throw BinaryCoder.Malformed(description: "bad day") }
        return Day(ordinal: ordinal)
    }

    static func write<E: CaseIterable & Equatable>(_ value: E, to w: inout BinaryWriter) {
        let i = E.allCases.firstIndex(of: value).map { E.allCases.distance(from: E.allCases.startIndex, to: $0) }
        w.unsigned(UInt64(i ?? 0))
    }

    static func readCase<E: CaseIterable>(_ type: E.Type, _ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> E {
        let i = try r.count()
        guard i < E.allCases.count else { throw BinaryCoder.Malformed(description: "bad \(E.self)") }
        return E.allCases[E.allCases.index(E.allCases.startIndex, offsetBy: i)]
    }

    static func write(_ m: Mention, to w: inout BinaryWriter) {
        w.interned(m.article)
        w.int(m.paragraph)
    }

    static func readMention(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> Mention {
        Mention(article: try r.interned(), paragraph: try r.int())
    }

    static func write(_ m: [Mention], to w: inout BinaryWriter) {
        w.unsigned(UInt64(m.count))
        for x in m { write(x, to: &w) }
    }

    static func readMentions(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> [Mention] {
        try r.array { r throws(BinaryCoder.Malformed) in try readMention(&r) }
    }

    // MARK: - Articles

    static func write(_ a: Article, to w: inout BinaryWriter) {
        w.interned(a.id)
        w.interned(a.path)
        w.string(a.title)
        write(a.date, to: &w)
        w.optionalInterned(a.source)
        w.optionalString(a.url)
        w.optionalInterned(a.author)
        w.internedStrings(a.tags)
        w.unsigned(UInt64(a.paragraphs.count))
        for p in a.paragraphs {
            w.string(p.textSlice)
            w.int(p.line)
        }
    }

    /// Reads an article, its paragraphs sharing one string (`Paragraph.sharing`) read through `scratch`.
    static func readArticle(_ r: inout BinaryReader, scratch: inout [UInt8]) throws(BinaryCoder.Malformed) -> Article {
        let id = try r.interned()
        let path = try r.interned()
        let title = try r.string()
        let date = try readDay(&r)
        let source = try r.optionalInterned()
        let url = try r.optionalString()
        let author = try r.optionalInterned()
        let tags = try r.internedStrings()
        let paragraphs = try readParagraphs(&r, scratch: &scratch)
        return Article(
            id: id, path: path, title: title, date: date, source: source, url: url, author: author, tags: tags,
            paragraphs: paragraphs)
    }

    /// Paragraphs written as text and line each, their texts read end to end into one string they share; a text
    /// that is not UTF-8 or a paragraph that starts inside a character is refused.
    static func readParagraphs(_ r: inout BinaryReader, scratch: inout [UInt8]) throws(BinaryCoder.Malformed)
        -> [Paragraph]
    {
        let count = try r.count()
        guard count > 1 else {
            return count == 0 ? [] : [Paragraph(text: try r.string(), line: try r.int())]
        }
        scratch.removeAll(keepingCapacity: true)
        var ends: [(end: Int, line: Int)] = []
        ends.reserveCapacity(min(count, 1 << 16))
        for _ in 0..<count {
            _ = try r.appendString(to: &scratch)
            ends.append((scratch.count, try r.int()))
        }
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(ends.count)
        var start = 0
        guard scratch.count < Int(Int32.max) else {
            for (end, line) in ends {
                paragraphs.append(Paragraph(text: String(decoding: scratch[start..<end], as: UTF8.self), line: line))
                start = end
            }
            return paragraphs
        }
        let joined = String(decoding: scratch, as: UTF8.self)
        // Repaired bytes would have moved the ends; an end inside a character (a continuation byte after it)
        // would cut one.
        guard joined.utf8.count == scratch.count,
            ends.allSatisfy({ $0.end == scratch.count || scratch[$0.end] & 0xC0 != 0x80 })
        else { throw BinaryCoder.Malformed(description: "bad paragraph text") }
        for (end, line) in ends {
            paragraphs.append(Paragraph(base: joined, start: start, end: end, line: line))
            start = end
        }
        return paragraphs
    }

    static func write(_ x: LoadWarning, to w: inout BinaryWriter) {
        w.interned(x.path)
        w.int(x.line)
        w.string(x.message)
    }

    static func readWarning(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> LoadWarning {
        LoadWarning(path: try r.interned(), line: try r.int(), message: try r.string())
    }

    // MARK: - Speakers, quotes, terms

    /// A speaker's id and name are written in full, not interned: each is one speaker's own, and interning them
    /// only grew the writer's table (by 206,000 strings on 20,000 articles: a dictionary of about 12 MB, held
    /// while a first start writes its model at nearly its peak memory).
    static func write(_ s: Speaker, to w: inout BinaryWriter) {
        w.string(s.id)
        w.string(s.name)
        write(s.kind, to: &w)
        w.optionalInterned(s.role)
        w.internedStrings(s.aliases)
        write(s.mentions, to: &w)
    }

    static func readSpeaker(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> Speaker {
        Speaker(
            id: try r.string(), name: try r.string(), kind: try readCase(SpeakerKind.self, &r),
            role: try r.optionalInterned(), aliases: try r.internedStrings(), mentions: try readMentions(&r))
    }

    /// A quote's text is written as the UTF-8 range of its paragraph it equals (so the reader's quote shares the
    /// paragraph's storage), or in full when it equals no such range.
    ///
    /// The id is written as its number N when it is "article#qN" for the quote's own article (as nearly every one
    /// is), else as -1 and the id in full: the reader then builds no id string to parse and let go.
    static func write(_ q: Quote, slices: inout QuoteSlices, to w: inout BinaryWriter) {
        if let n = q.idNumber {
            w.int(Int(n))
        } else {
            w.int(-1)
            w.string(q.id)
        }
        w.interned(q.article)
        w.int(q.paragraph)
        w.int(q.start)
        w.int(q.end)
        if let range = slices.utf8Range(q) {
            w.byte(1)
            w.int(range.lowerBound)
            w.int(range.upperBound)
        } else {
            w.byte(0)
            w.string(q.text)
        }
        w.optionalInterned(q.speaker)
        w.optionalInterned(q.cue)
        w.internedStrings(q.pillars)
        w.internedStrings(q.events)
    }

    /// Reads a quote; `paragraphText` gives the text of an article's paragraph that a quote's text is a range of.
    /// Equal pillar and event lists (the quotes of a passage mostly have the same) are read into one shared array.
    static func readQuote(
        _ r: inout BinaryReader, lists: inout SharedLists, paragraphText: (String, Int) -> Substring?
    ) throws(BinaryCoder.Malformed) -> Quote {
        let number = try r.int()
        let id = number < 0 ? try r.string() : nil
        let article = try r.interned()
        let paragraph = try r.int()
        let start = try r.int()
        let end = try r.int()
        let slice: Substring
        if try r.bool() {
            let lo = try r.int()
            let hi = try r.int()
            guard lo <= hi, let text = paragraphText(article, paragraph), let s = UTF8Slicer.slice(text, utf8: lo..<hi)
            else {
                throw BinaryCoder.Malformed(description: "bad quote range")
            }
            slice = s
        } else {
            slice = Substring(try r.string())
        }
        let speaker = try r.optionalInterned()
        let cue = try r.optionalInterned()
        let pillars = lists.shared(try r.internedStrings())
        let events = lists.shared(try r.internedStrings())
        // Built and returned whole in each branch (see `QuoteTable.quote`).
        guard let id else {
            return Quote(
                number: number, article: article, paragraph: paragraph, start: start, end: end, slice: slice,
                speaker: speaker, cue: cue, pillars: pillars, events: events)
        }
        return Quote(
            id: id, article: article, paragraph: paragraph, start: start, end: end, slice: slice, speaker: speaker,
            cue: cue, pillars: pillars, events: events)
    }

    static func write(_ t: Term, to w: inout BinaryWriter) {
        w.interned(t.article)
        w.int(t.paragraph)
        w.int(t.start)
        w.int(t.end)
        w.interned(t.text)
    }

    static func readTerm(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> Term {
        Term(
            article: try r.interned(), paragraph: try r.int(), start: try r.int(), end: try r.int(),
            text: try r.interned())
    }

    // MARK: - Agendas

    static func write(_ a: Agenda, to w: inout BinaryWriter) {
        w.interned(a.id)
        w.interned(a.label)
        w.internedStrings(a.aliases)
        w.optionalInterned(a.article)
        w.bool(a.paragraph != nil)
        if let p = a.paragraph { w.int(p) }
        w.unsigned(UInt64(a.items.count))
        for item in a.items {
            w.interned(item.id)
            w.string(item.text)
            w.optionalInterned(item.name)
            w.internedStrings(item.keywords)
            write(item.passages, to: &w)
        }
        write(a.occurrences, to: &w)
    }

    static func readAgenda(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> Agenda {
        let id = try r.interned()
        let label = try r.interned()
        let aliases = try r.internedStrings()
        let article = try r.optionalInterned()
        let paragraph = try r.bool() ? try r.int() : nil
        let items = try r.array { r throws(BinaryCoder.Malformed) in
            AgendaItem(
                id: try r.interned(), text: try r.string(), name: try r.optionalInterned(),
                keywords: try r.internedStrings(), passages: try readMentions(&r))
        }
        var agenda = Agenda(
            id: id, label: label, article: article, paragraph: paragraph, items: items,
            occurrences: try readMentions(&r))
        agenda.aliases = aliases
        return agenda
    }

    // MARK: - Events

    static func write(_ e: Event, to w: inout BinaryWriter) {
        w.interned(e.id)
        w.interned(e.kind)
        w.string(e.title)
        w.optionalInterned(e.place)
        w.bool(e.date != nil)
        if let d = e.date {
            w.interned(d.value)
            write(d.precision, to: &w)
            write(d.earliest, to: &w)
            write(d.latest, to: &w)
        }
        w.bool(e.planned)
        w.internedStrings(e.participants)
        w.unsigned(UInt64(e.mentions.count))
        for m in e.mentions {
            w.interned(m.article)
            w.int(m.paragraph)
            w.interned(m.text)
            w.bool(m.count != nil)
            if let n = m.count { w.int(n) }
        }
        w.unsigned(UInt64(e.related.count))
        for x in e.related {
            w.interned(x.event)
            write(x.relation, to: &w)
            w.optionalInterned(x.cue)
        }
        w.internedStrings(e.outcomes)
        w.optionalString(e.dateText)
        w.unsigned(UInt64(e.rescheduledFrom.count))
        for d in e.rescheduledFrom {
            w.interned(d.value)
            write(d.precision, to: &w)
            write(d.earliest, to: &w)
            write(d.latest, to: &w)
        }
    }

    static func readEvent(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> Event {
        let id = try r.interned()
        let kind = try r.interned()
        let title = try r.string()
        let place = try r.optionalInterned()
        var date: EventDate?
        if try r.bool() {
            date = EventDate(
                value: try r.interned(), precision: try readCase(DatePrecision.self, &r), earliest: try readDay(&r),
                latest: try readDay(&r))
        }
        let planned = try r.bool()
        let participants = try r.internedStrings()
        let mentions = try r.array { r throws(BinaryCoder.Malformed) in
            EventMention(
                article: try r.interned(), paragraph: try r.int(), text: try r.interned(),
                count: try r.bool() ? try r.int() : nil)
        }
        let related = try r.array { r throws(BinaryCoder.Malformed) in
            EventRelation(
                event: try r.interned(), relation: try readCase(EventRelationKind.self, &r),
                cue: try r.optionalInterned())
        }
        let outcomes = try r.internedStrings()
        let dateText = try r.optionalString()
        let rescheduledFrom = try r.array { r throws(BinaryCoder.Malformed) in
            EventDate(
                value: try r.interned(), precision: try readCase(DatePrecision.self, &r), earliest: try readDay(&r),
                latest: try readDay(&r))
        }
        return Event(
            id: id, kind: kind, title: title, place: place, date: date, planned: planned, participants: participants,
            mentions: mentions, related: related, outcomes: outcomes, dateText: dateText,
            rescheduledFrom: rescheduledFrom)
    }
}

/// Finds the UTF-8 range of its paragraph that a quote's text is, walking each paragraph once for quotes in
/// position order (the order extraction lists them in).
struct QuoteSlices {
    private var position: [String: Int] = [:]
    private let articles: [Article]
    /// The slicer of the paragraph the last quote stood in (it walks on from the last quote).
    private var slicer: (article: Int, paragraph: Int, cutter: ScalarSlicer)?

    init(_ articles: [Article]) {
        self.articles = articles
        position.reserveCapacity(articles.count)
        for (i, a) in articles.enumerated() where position[a.id] == nil { position[a.id] = i }
    }

    /// The UTF-8 offsets of scalars `q.start..<q.end` of the quote's paragraph when they hold exactly its text.
    mutating func utf8Range(_ q: Quote) -> Range<Int>? {
        guard let a = position[q.article], articles[a].paragraphs.indices.contains(q.paragraph), q.start <= q.end
        else { return nil }
        if slicer?.article != a || slicer?.paragraph != q.paragraph {
            slicer = (a, q.paragraph, ScalarSlicer(articles[a].paragraphs[q.paragraph].textSlice))
        }
        guard let cut = slicer?.cutter.slice(q.start..<q.end), cut.utf8.elementsEqual(q.textSlice.utf8) else {
            return nil
        }
        // Counted from the paragraph's start, which need not be its string's (`Paragraph.sharing`).
        guard let paragraph = slicer?.cutter.text else { return nil }
        let utf8 = cut.base.utf8
        let origin = utf8.distance(from: utf8.startIndex, to: paragraph.startIndex)
        return
            (utf8.distance(from: utf8.startIndex, to: cut.startIndex) - origin)..<(utf8.distance(
                from: utf8.startIndex, to: cut.endIndex) - origin)
    }
}

/// Shares equal pillar and event lists of quotes read one after the other (the quotes of a passage mostly have the
/// same): a list equal to the one before is that array again.
struct SharedLists {
    private var last: [String] = []

    /// `list`, or the list before when equal (interned strings compare by identity first, so this is cheap).
    mutating func shared(_ list: [String]) -> [String] {
        if list.isEmpty { return list }
        if list == last { return last }
        last = list
        return list
    }
}
