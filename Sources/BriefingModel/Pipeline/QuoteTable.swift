/// Every article's quotes end to end, as the corpus-wide stages read them before they become `Quote`s.
///
/// A row is 40 bytes (a `Quote` is 120): 32-bit numbers for the article, the id, the place, the speaker (its
/// position in the `SpeakerTable`), the text and the cue. The text is a UTF-8 range of a base string the table keeps
/// once for a run of quotes that share it (their article's string: quotes are slices of it), the cue a number in the
/// table's list of cues; `text(of:)` gives the slice back, sharing the article's storage as the quote did. Event grouping
/// reads the rows' places (`places`), agenda tagging their texts (`texts`); the quotes are built once, at their
/// final size, when speakers, events, pillars and terms are known. Rows are stored in blocks of `blockSize` (about
/// 330 KB each: above the 256 KB from which the executable has the allocator map a block on its own and give it
/// back when freed), so that building the quotes can let go of the rows block by block (`releaseBlock`) rather than
/// hold them all beside every quote.
struct QuoteTable: Sendable {
    /// One quote.
    struct Row: Sendable {
        /// The article's number in `articleIDs`.
        var article: Int32
        /// N of the id "article#qN"; -1 when the id has another form (then it is in `otherIDs`).
        var number: Int32
        var paragraph: Int32
        var start: Int32
        var end: Int32
        /// The speaker's position in the `SpeakerTable` laid out beside this table; -1 for none.
        var speaker: Int32
        /// The text: the UTF-8 offsets `textStart..<textEnd` in base string number `base`.
        var base: Int32
        var textStart: Int32
        var textEnd: Int32
        /// The cue's number in `cues`; -1 for none.
        var cue: Int32
    }

    /// Rows per block: a power of two.
    static let blockShift = 13
    static let blockSize = 1 << blockShift

    /// The rows, `blockSize` to a block (the last one may hold fewer).
    private var blocks: [[Row]] = []
    private(set) var count = 0
    /// The article ids, each stored once, by number.
    private(set) var articleIDs: [String] = []
    /// The ids not of the form "article#qN", by row.
    private var otherIDs: [Int: String] = [:]
    private var articleNumbers: [String: Int32] = [:]
    private var lastArticle: (id: String, number: Int32)?
    /// The strings the texts are ranges of: each quote's article string, kept once for a run of quotes that share it.
    private var bases: [String] = []
    /// The cues, each once, by number.
    private var cues: [String] = []
    private var cueNumbers: [String: Int32] = [:]

    mutating func reserveCapacity(_ n: Int) { blocks.reserveCapacity((n + Self.blockSize - 1) >> Self.blockShift) }

    /// Row `i`.
    subscript(i: Int) -> Row { blocks[i >> Self.blockShift][i & (Self.blockSize - 1)] }

    /// Every row, in order.
    var rows: some Collection<Row> { blocks.joined() }

    private mutating func append(_ row: Row) {
        if blocks.isEmpty || blocks[blocks.count - 1].count == Self.blockSize {
            var block: [Row] = []
            block.reserveCapacity(Self.blockSize)
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(row)
        count += 1
    }

    /// Lets go of the block that holds row `i` (its rows must not be read again).
    mutating func releaseBlock(of i: Int) { blocks[i >> Self.blockShift] = [] }

    /// The text of row `r`: a slice of the string it was appended as a slice of.
    func text(of r: Row) -> Substring { bases[Int(r.base)].slice(utf8: Int(r.textStart)..<Int(r.textEnd)) }

    /// Where `text` is kept: the number of its base string (appended unless it is the last one) and its UTF-8
    /// offsets there.
    private mutating func place(_ text: Substring) -> (base: Int32, start: Int32, end: Int32) {
        var base = text.base
        let utf8 = base.utf8
        var start = utf8.distance(from: utf8.startIndex, to: text.startIndex)
        var end = start + text.utf8.count
        if Int32(exactly: end) == nil {
            // Beyond 2 GB into its base (no article is that long): the text as a string of its own.
            base = String(text)
            start = 0
            end = base.utf8.count
        }
        // Equal strings give equal slices: a run of one paragraph's quotes compares one storage with itself.
        if bases.last != base { bases.append(base) }
        return (
            Int32(truncatingIfNeeded: bases.count - 1), Int32(truncatingIfNeeded: start), Int32(clamping: end)
        )
    }

    /// The number of `cue` (-1 for none), given one when it is new.
    private mutating func cueNumber(_ cue: String?) -> Int32 {
        guard let cue else { return -1 }
        if let n = cueNumbers[cue] { return n }
        let n = Int32(truncatingIfNeeded: cues.count)
        cues.append(cue)
        cueNumbers[cue] = n
        return n
    }

    /// The number of article `id`, given one when it is new (a run of one article's quotes looks it up once).
    mutating func articleNumber(_ id: String) -> Int32 {
        if let last = lastArticle, last.id == id { return last.number }
        let n: Int32
        if let known = articleNumbers[id] {
            n = known
        } else {
            n = Int32(truncatingIfNeeded: articleIDs.count)
            articleIDs.append(id)
            articleNumbers[id] = n
        }
        lastArticle = (id, n)
        return n
    }

    /// Appends a quote whose id is "article#q`number`", its speaker given by position (-1: none).
    mutating func append(
        article: String, number: Int, paragraph: Int32, start: Int32, end: Int32, speaker: Int32, text: Substring,
        cue: String?
    ) {
        let a = articleNumber(article)
        // A number that does not fit keeps its id whole.
        let n = Int32(exactly: number).flatMap { $0 >= 0 ? $0 : nil }
        if n == nil { otherIDs[count] = QuoteID.make(article, number) }
        let t = place(text)
        append(
            Row(
                article: a, number: n ?? -1, paragraph: paragraph, start: start, end: end, speaker: speaker,
                base: t.base, textStart: t.start, textEnd: t.end, cue: cueNumber(cue)))
    }

    /// Appends a plain quote, its speaker given by position (-1: none).
    mutating func append(_ quote: Quote, speaker: Int32) {
        let a = articleNumber(quote.article)
        let id = quote.id
        let n = QuoteID.number(id, article: quote.article) ?? -1
        if n < 0 { otherIDs[count] = id }
        let t = place(quote.textSlice)
        append(
            Row(
                article: a, number: n, paragraph: Int32(clamping: quote.paragraph), start: Int32(clamping: quote.start),
                end: Int32(clamping: quote.end), speaker: speaker, base: t.base, textStart: t.start, textEnd: t.end,
                cue: cueNumber(quote.cue)))
    }

    /// Lets go of what only appending needs.
    mutating func finishAppending() {
        articleNumbers = [:]
        lastArticle = nil
        cueNumbers = [:]
        bases = bases.compacted
    }

    /// Quote `i` with its speaker's corpus id, pillars and events.
    func quote(_ i: Int, speaker: String?, pillars: [String], events: [String]) -> Quote {
        let r = self[i]
        let article = articleIDs[Int(r.article)]
        let text = text(of: r)
        let cue = r.cue >= 0 ? cues[Int(r.cue)] : nil
        // Built and returned whole in each branch: a quote assigned to a variable and then changed was copied
        // and destroyed once more (seven references retained and released).
        if r.number >= 0 {
            return Quote(
                number: Int(r.number), article: article, paragraph: Int(r.paragraph), start: Int(r.start),
                end: Int(r.end), slice: text, speaker: speaker, cue: cue, pillars: pillars, events: events)
        }
        return Quote(
            id: otherIDs[i] ?? "", article: article, paragraph: Int(r.paragraph), start: Int(r.start),
            end: Int(r.end), slice: text, speaker: speaker, cue: cue, pillars: pillars, events: events)
    }

    /// Where each quote stands, in row order (what event grouping reads of the quotes).
    var places: Places { Places(table: self) }

    /// The quotes' texts, in row order (what agenda tagging reads of the quotes).
    var texts: Texts { Texts(table: self) }

    /// The places of a table's quotes.
    struct Places: RandomAccessCollection, Sendable {
        let table: QuoteTable
        var startIndex: Int { 0 }
        var endIndex: Int { table.count }
        subscript(i: Int) -> QuotePlace {
            let r = table[i]
            return QuotePlace(
                article: table.articleIDs[Int(r.article)], paragraph: Int(r.paragraph), start: Int(r.start),
                end: Int(r.end))
        }
    }

    /// The texts of a table's quotes.
    struct Texts: RandomAccessCollection, Sendable {
        let table: QuoteTable
        var startIndex: Int { 0 }
        var endIndex: Int { table.count }
        subscript(i: Int) -> Substring { table.text(of: table[i]) }
    }
}
