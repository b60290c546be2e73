/// Unifies agendas found in the text with declared ones and tags quotes and passages with their items.
///
/// A found agenda and a declared one are the same when the found label equals the declared label or an alias, or
/// when at least half of the found items match declared items. They merge into one agenda with the declared id,
/// label, aliases and item ids, names and keywords, the found items' own words as text, and where it was found.
/// Passages and quotes are tagged by the items' keywords (one hit) and their own content words (two rare ones).
public enum AgendaBuilder {
    /// The agendas, with every quote's pillars set (quotes are otherwise unchanged).
    public static func build(found: [Agenda], declared: [Agenda], articles: [Article], quotes: inout [Quote])
        -> [Agenda]
    {
        let built = build(found: found, declared: declared, articles: articles, quoteTexts: quotes.map(\.textSlice))
        for q in quotes.indices { quotes[q].pillars = built.pillars[q] }
        return built.agendas
    }

    /// The agendas and the pillars (item ids) of each quote text, in order: what `build` needs of the quotes is
    /// their text, so this runs before (or beside) speaker merging.
    public static func build(found: [Agenda], declared: [Agenda], articles: [Article], quoteTexts: [String])
        -> (agendas: [Agenda], pillars: [[String]])
    {
        build(found: found, declared: declared, articles: articles, quoteTexts: quoteTexts.map { Substring($0) })
    }

    /// The same with the texts as slices (`Quote.textSlice`), so that no quote's text is copied.
    public static func build(found: [Agenda], declared: [Agenda], articles: [Article], quoteTexts: [Substring])
        -> (agendas: [Agenda], pillars: [[String]])
    {
        var agendas = unify(found: found, declared: declared)
        let pillars = tag(&agendas, articles: articles, quoteTexts: quoteTexts)
        return (agendas, pillars)
    }

    /// Found agendas merged with the declared ones they match, then the declared ones nothing matched.
    static func unify(found: [Agenda], declared: [Agenda]) -> [Agenda] {
        var agendas: [Agenda] = []
        var signatures: [Signature] = []
        let declaredSignatures = declared.map(Signature.init)
        var declaredUsed = Set<Int>()
        for f in found {
            let fs = Signature(f)
            // The same agenda found again: an occurrence.
            if let k = signatures.indices.first(where: { signatures[$0].same(fs) }) {
                if let a = f.article, let p = f.paragraph {
                    agendas[k].occurrences.append(Mention(article: a, paragraph: p))
                }
                continue
            }
            if let d = declared.indices.first(where: { !declaredUsed.contains($0) && declaredSignatures[$0].same(fs) })
            {
                declaredUsed.insert(d)
                agendas.append(unify(declared: declared[d], found: f))
            } else {
                agendas.append(f)
            }
            signatures.append(Signature(agendas[agendas.count - 1]))
        }
        for (d, a) in declared.enumerated() where !declaredUsed.contains(d) { agendas.append(a) }
        return agendas
    }

    static func normalizedLabel(_ s: String) -> String { AgendaText.words(s).joined(separator: " ") }

    /// What identifies an agenda: its labels and the stems of each item (as hashes), computed once.
    struct Signature {
        var labels: Set<String>
        var items: [Set<UInt64>]

        init(_ a: Agenda) {
            labels = Set(([a.label] + a.aliases).map(AgendaBuilder.normalizedLabel))
            items = a.items.map(AgendaBuilder.itemStemHashes)
        }

        /// Same label or alias, or at least half of the items (two or more) sharing stems.
        func same(_ b: Signature) -> Bool {
            if !labels.isDisjoint(with: b.labels) { return true }
            guard !items.isEmpty, !b.items.isEmpty else { return false }
            let matched = b.items.filter { bi in items.contains { !$0.isDisjoint(with: bi) } }.count
            return matched * 2 >= max(items.count, b.items.count) && matched >= 2
        }
    }

    /// True when `a` and `b` name the same agenda.
    static func same(_ a: Agenda, _ b: Agenda) -> Bool { Signature(a).same(Signature(b)) }

    /// The content-word, keyword and name stems of an item, hashed with `TokenHash` (the content words of an ASCII
    /// text read on its bytes): what agendas are compared on. Stemming each found agenda's items into sets of
    /// strings was about 1% of a whole `extract`.
    static func itemStemHashes(_ a: AgendaItem) -> Set<UInt64> {
        var out = contentStemHashes(a.text)
        for keyword in a.keywords { out.formUnion(AgendaText.stemHashes(keyword)) }
        if let name = a.name { out.formUnion(AgendaText.stemHashes(name)) }
        return out
    }

    /// How well two items match: shared keyword or content-word stems.
    static func itemScore(_ a: AgendaItem, _ b: AgendaItem) -> Int {
        itemStemHashes(a).intersection(itemStemHashes(b)).count
    }

    /// The stems of the words of `text` that are longer than two letters and no stopword.
    static func contentStems(_ text: String) -> Set<String> {
        Set(AgendaText.words(text).filter { !AgendaText.stopwords.contains($0) && $0.count > 2 }.map(AgendaText.stem))
    }

    /// `contentStems` hashed with `TokenHash`.
    static func contentStemHashes(_ text: String) -> Set<UInt64> {
        AgendaText.asciiContentStemHashes(text) ?? Set(contentStems(text).map { TokenHash.hash($0) })
    }

    /// The declared agenda with the found one's place and item texts.
    static func unify(declared d: Agenda, found f: Agenda) -> Agenda {
        var out = d
        out.article = f.article
        out.paragraph = f.paragraph
        var items = d.items
        var taken = Set<Int>()
        var order: [(Int, AgendaItem)] = []
        for fi in f.items {
            let best = items.indices.filter { !taken.contains($0) }.max {
                itemScore(items[$0], fi) < itemScore(items[$1], fi)
            }
            if let b = best, itemScore(items[b], fi) > 0 {
                taken.insert(b)
                items[b].text = fi.text
                order.append((b, items[b]))
            } else {
                order.append((items.count + order.count, fi))
            }
        }
        // Declared order for matched items; unmatched found items after them; unmatched declared ones kept.
        var result = items.enumerated().map { $0.element }
        result += order.filter { $0.0 >= items.count }.map(\.1)
        out.items = result
        return out
    }

    /// Tags paragraphs (item passages) with the items they touch; returns the pillars of each quote text.
    ///
    /// Only the stems items are made of (keyword phrases, content words: the vocabulary) matter, so a passage is
    /// read as its vocabulary stems with their word positions (`ItemToken`): document frequencies are counted for
    /// those stems only, in arrays, and nothing is kept of the other words. Phrases need no frequencies and are
    /// matched as each paragraph is read; content words are weighed once every paragraph is counted, from the
    /// tokens kept of them.
    ///
    /// With `turn`, the passages (while every paragraph's tokens are held) are tagged in the turn.
    static func tag<Texts: RandomAccessCollection<Substring> & Sendable>(
        _ agendas: inout [Agenda], articles: [Article], quoteTexts: Texts, turn: MemoryTurn? = nil
    ) -> [[String]] where Texts.Index == Int {
        turn?.enter()
        let (stems, prefixes) = Self.vocabulary(of: agendas)
        var vocabulary = stems
        // Paragraph document frequency of stems: a content word found in many paragraphs is too common to tag.
        var df = [Int](repeating: 0, count: vocabulary.count)
        var lastParagraph = [Int](repeating: -1, count: vocabulary.count)
        let total = articles.reduce(0) { $0 + $1.paragraphs.count }
        let rareLimit = max(1, total / 10)
        // Items in the order of `owners`, matched on their keyword phrases alone as each paragraph is read (a
        // phrase is found on whatever its words' frequency), each paragraph's finds kept in order.
        var owners: [(agenda: Int, item: Int)] = []
        var phraseMatchers: [ItemMatcher] = []
        for (g, a) in agendas.enumerated() {
            for (k, item) in a.items.enumerated() {
                owners.append((g, k))
                phraseMatchers.append(ItemMatcher(phrasesOf: item))
            }
        }
        let phraseTagger = AgendaTagger(phraseMatchers, ids: &vocabulary)
        var phraseScratch = AgendaTagger.Scratch(itemCount: phraseMatchers.count)
        var phraseFinds: [(paragraph: Int32, item: Int32)] = []
        // Per stem id: whether it is a content word of an item text (weighed on its frequency below).
        let isContentWord = contentStemFlags(of: agendas, in: vocabulary)
        // The tokens the content words need, paragraph after paragraph (in blocks, so that the store never grows
        // by copying itself): those of stems in no item text, or already in more than `rareLimit` paragraphs (too
        // common to count), are not kept: about half of the tokens at 20,000 articles.
        var tokens = TokenBlocks(idCount: vocabulary.count)
        var paragraphsOfArticle: [Range<Int>] = []
        var paragraph = 0
        // One paragraph's tokens at a time, in storage kept from one to the next.
        var found: [ItemToken] = []
        for a in articles {
            let first = tokens.paragraphCount
            for p in a.paragraphs {
                vocabularyTokens(p.textSlice, vocabulary: vocabulary, prefixes: prefixes, into: &found)
                for m in phraseTagger.items(found[...], scratch: &phraseScratch) {
                    phraseFinds.append((Int32(truncatingIfNeeded: paragraph), Int32(truncatingIfNeeded: m)))
                }
                for t in found where lastParagraph[Int(t.id)] != paragraph {
                    lastParagraph[Int(t.id)] = paragraph
                    df[Int(t.id)] += 1
                }
                found.removeAll { !isContentWord[Int($0.id)] || df[Int($0.id)] > rareLimit }
                tokens.append(paragraph: found)
                paragraph += 1
            }
            paragraphsOfArticle.append(first..<tokens.paragraphCount)
        }
        let matchers = agendas.flatMap { a in
            a.items.map { item in
                ItemMatcher(item: item, rareLimit: rareLimit) { h in vocabulary.lookup(h).map { df[Int($0)] } ?? 0 }
            }
        }
        let tagger = AgendaTagger(matchers, ids: &vocabulary)
        var scratch = AgendaTagger.Scratch(itemCount: matchers.count)
        var paragraphTokens: [ItemToken] = []
        var nextFind = 0
        paragraph = 0
        for (ai, article) in articles.enumerated() {
            for (pi, p) in paragraphsOfArticle[ai].enumerated() {
                tokens.tokens(paragraph: p, into: &paragraphTokens)
                // The kept tokens can only find phrases that stand in the text (no token between two kept ones
                // was dropped), so the finds are the phrase finds and the tagger's, each item once.
                // (Each item's passages come in paragraph order whatever the order of one paragraph's items.)
                var items = paragraphTokens.isEmpty ? [] : tagger.items(paragraphTokens[...], scratch: &scratch)
                while nextFind < phraseFinds.count && phraseFinds[nextFind].paragraph == paragraph {
                    let m = Int(phraseFinds[nextFind].item)
                    if !items.contains(m) { items.append(m) }
                    nextFind += 1
                }
                for m in items {
                    agendas[owners[m].agenda].items[owners[m].item].passages.append(
                        Mention(article: article.id, paragraph: pi))
                }
                paragraph += 1
            }
        }
        tokens = TokenBlocks(idCount: 0)
        turn?.leave()
        StageTrace.mark("line B: passages tagged")
        let itemIDs = owners.map { agendas[$0.agenda].items[$0.item].id }
        let vocabularyIDs = vocabulary
        let itemCount = matchers.count
        let tagQuotes: @Sendable (Range<Int>) -> [[String]] = { range in
            var tokens: [ItemToken] = []
            var scratch = AgendaTagger.Scratch(itemCount: itemCount)
            // Quotes tagged with the same items share one array of their ids (most sets recur: one pillar).
            var shared: [[Int]: [String]] = [:]
            return quoteTexts[range].map { text in
                // Read where it lies, in one piece (`vocabularyTokens` would cut a very long quote into pieces for
                // other threads, which may already be tagging other quotes).
                var text = text
                tokens.removeAll(keepingCapacity: true)
                text.withUTF8 { _ = vocabularyIDs.appendTokens(ofWordsIn: $0, prefixes: prefixes, to: &tokens) }
                let items = tagger.items(tokens[...], scratch: &scratch)
                guard !items.isEmpty else { return [] }
                if let ids = shared[items] { return ids }
                let ids = items.map { itemIDs[$0] }
                shared[items] = ids
                return ids
            }
        }
        // Many quotes (a very long article's): in slices, which another thread may help with.
        let quoteBytes = quoteTexts.reduce(0) { $0 + $1.utf8.count }
        guard quoteBytes >= helpedBytes else { return tagQuotes(quoteTexts.startIndex..<quoteTexts.endIndex) }
        let slices = pieces(quoteTexts.count, count: 8).map {
            $0.lowerBound + quoteTexts.startIndex..<$0.upperBound + quoteTexts.startIndex
        }
        return HelpedLoop.run(slices.count) { tagQuotes(slices[$0]) }.flatMap { $0 }
    }

    /// The stems items are made of (their keywords' and their texts' content words), and their first letters: the
    /// words that cannot stem to one of them are not stemmed (`StemPrefixes`).
    static func vocabulary(of agendas: [Agenda]) -> (StemIDs, StemPrefixes) {
        var vocabulary = StemIDs()
        var prefixes = StemPrefixes()
        for a in agendas {
            for item in a.items {
                for k in item.keywords {
                    for h in AgendaText.stemHashes(k) { _ = vocabulary.intern(h) }
                    prefixes.addWords(of: k)
                }
                for w in contentStems(item.text) {
                    _ = vocabulary.intern(TokenHash.hash(w))
                    prefixes.add(stem: w)
                }
            }
        }
        return (vocabulary, prefixes)
    }

    /// Per stem id of `vocabulary`: whether the stem is a content word of an item text of `agendas`.
    static func contentStemFlags(of agendas: [Agenda], in vocabulary: StemIDs) -> [Bool] {
        var flags = [Bool](repeating: false, count: vocabulary.count)
        for a in agendas {
            for item in a.items {
                for w in contentStems(item.text) {
                    if let id = vocabulary.lookup(TokenHash.hash(w)), flags.indices.contains(Int(id)) {
                        flags[Int(id)] = true
                    }
                }
            }
        }
        return flags
    }

    /// Bytes of text from which stemming is done in pieces that another thread may help with (`HelpedLoop`):
    /// only a very long paragraph, or the quotes of a very long article, are worth it.
    static let helpedBytes = 256 * 1024

    /// The vocabulary words of `slice` (its stem hashes looked up in `vocabulary` as they are read), with their
    /// word positions, into `out` (emptied first); a paragraph is read where it lies in its article's string
    /// (`Paragraph.textSlice`), a very long one in pieces, which another thread may help with.
    static func vocabularyTokens(
        _ slice: Substring, vocabulary: StemIDs, prefixes: StemPrefixes? = nil, into out: inout [ItemToken]
    ) {
        out.removeAll(keepingCapacity: true)
        var slice = slice
        guard slice.utf8.count >= helpedBytes else {
            slice.withUTF8 { _ = vocabulary.appendTokens(ofWordsIn: $0, prefixes: prefixes, to: &out) }
            return
        }
        // A very long paragraph (rare) is read from a string of its own, cut into pieces.
        let text = String(slice)
        let ranges = AgendaText.pieces(text, count: 16)
        let parts = HelpedLoop.run(ranges.count) { k in
            var found: [ItemToken] = []
            var text = text
            let words = text.withUTF8 {
                vocabulary.appendTokens(
                    ofWordsIn: UnsafeBufferPointer(rebasing: $0[ranges[k]]), prefixes: prefixes, to: &found)
            }
            return (tokens: found, words: words)
        }
        var base = 0
        for part in parts {
            for t in part.tokens { out.append(ItemToken(position: base + Int(t.position), id: t.id)) }
            base += part.words
        }
    }

    /// `count` indices cut into about `pieces` consecutive ranges.
    static func pieces(_ count: Int, count pieces: Int) -> [Range<Int>] {
        let size = max(1, (count + pieces - 1) / max(1, pieces))
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}

/// A word of a passage that is a vocabulary stem: its position among the passage's words and its stem id.
struct ItemToken {
    var position: Int32
    var id: Int32

    init(position: Int, id: Int32) {
        self.position = Int32(truncatingIfNeeded: position)
        self.id = id
    }
}

/// The vocabulary tokens of many paragraphs, one after the other, in blocks of about `blockSize` tokens: a new
/// block is begun when a paragraph's tokens do not fit in the current one, so the store never copies itself to
/// grow (which, for a corpus-wide array, would hold it twice for a moment) and a paragraph's tokens stay
/// contiguous. A token is packed into 32 bits (its stem id in the low `idBits`, its position above them) when both
/// fit, which they do for any paragraph of fewer than about a million words; a paragraph whose positions do not
/// fit keeps its tokens as they are, apart.
struct TokenBlocks {
    private var blocks: [[UInt32]] = []
    /// Paragraphs whose tokens could not be packed.
    private var wide: [[ItemToken]] = []
    /// Per paragraph: its block (or, negated minus one, its index in `wide`) and its range of tokens there.
    private var places: [(block: Int32, start: Int32, end: Int32)] = []
    /// Bits of a packed token that hold the stem id.
    private let idBits: UInt32
    /// Tokens per block (256 KB of them), unless one paragraph has more.
    static let blockSize = 64 * 1024

    /// A store for tokens whose ids are below `idCount`.
    init(idCount: Int) {
        var bits: UInt32 = 1
        while bits < 31 && (1 << bits) < idCount { bits += 1 }
        idBits = bits
    }

    var paragraphCount: Int { places.count }

    /// Adds the next paragraph's tokens.
    mutating func append(paragraph tokens: [ItemToken]) {
        let positionLimit = Int64(1) << (32 - idBits)
        let idLimit = Int64(1) << idBits
        guard
            tokens.allSatisfy({
                $0.position >= 0 && Int64($0.position) < positionLimit && Int64($0.id) < idLimit && $0.id >= 0
            })
        else {
            wide.append(tokens)
            places.append((Int32(-wide.count), 0, Int32(clamping: tokens.count)))
            return
        }
        if blocks.isEmpty || blocks[blocks.count - 1].count + tokens.count > Self.blockSize {
            if blocks.last?.isEmpty == true { blocks.removeLast() }
            var block: [UInt32] = []
            block.reserveCapacity(max(Self.blockSize, tokens.count))
            blocks.append(block)
        }
        let b = blocks.count - 1
        let start = blocks[b].count
        // Packed on the side and appended at once: one uniqueness test of the blocks for the paragraph, not two
        // per token.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: tokens.count) { packed in
            for (k, t) in tokens.enumerated() { packed[k] = UInt32(t.position) << idBits | UInt32(t.id) }
            blocks[b].append(contentsOf: packed)
        }
        places.append((Int32(b), Int32(start), Int32(blocks[b].count)))
    }

    /// The tokens of paragraph `p` (in order of `append`), unpacked into `out`.
    func tokens(paragraph p: Int, into out: inout [ItemToken]) {
        out.removeAll(keepingCapacity: true)
        let place = places[p]
        guard place.block >= 0 else {
            out += wide[Int(-place.block) - 1]
            return
        }
        let mask = (UInt32(1) << idBits) - 1
        let packed = blocks[Int(place.block)][Int(place.start)..<Int(place.end)]
        // Unpacked on the side and appended at once: one uniqueness test of `out`, not one per token.
        withUnsafeTemporaryAllocation(of: ItemToken.self, capacity: packed.count) { unpacked in
            for (k, p) in packed.enumerated() {
                unpacked[k] = ItemToken(position: Int(p >> idBits), id: Int32(p & mask))
            }
            out.append(contentsOf: unpacked)
        }
    }
}

/// Dense ids for stem hashes, so that per-stem data lives in arrays.
struct StemIDs {
    private var map = WordHashMap(capacity: 256)

    var count: Int { map.count }

    /// The id of `hash`, made when new (ids count up from 0).
    mutating func intern(_ hash: UInt64) -> Int32 {
        if let id = map[hash] { return Int32(id) }
        let id = map.count
        map.set(hash, id)
        return Int32(id)
    }

    func lookup(_ hash: UInt64) -> Int32? { map[hash].map { Int32($0) } }
}

/// All item matchers at once, indexed by stem id: one pass over a passage finds every item it touches.
struct AgendaTagger {
    /// Per stem id: the keyword phrases (item, phrase as stem ids) starting with it.
    private var phrasesByFirst: [[(item: Int, phrase: [Int32])]] = []
    /// Per stem id: the items with that rare content word.
    private var itemsByWord: [[Int]] = []
    private var needed: [Int] = []

    /// Reusable per-passage state, sized for the tagger's items.
    struct Scratch {
        var hit: [Bool]
        var hits: [Int] = []
        /// Per item, the distinct weak words seen so far in this passage.
        var weak: [[Int32]]
        var touched: [Int] = []

        init(itemCount: Int) {
            hit = Array(repeating: false, count: itemCount)
            weak = Array(repeating: [], count: itemCount)
        }
    }

    /// Interns the matchers' stems into `ids` (the vocabulary: they are all there already).
    init(_ matchers: [ItemMatcher], ids: inout StemIDs) {
        var phrases: [(first: Int32, item: Int, phrase: [Int32])] = []
        var words: [(id: Int32, item: Int)] = []
        for (i, m) in matchers.enumerated() {
            for ph in m.phrases where !ph.isEmpty {
                let p = ph.map { ids.intern($0) }
                phrases.append((p[0], i, p))
            }
            // Set order does not matter here: each word only adds the item to its own list.
            for w in m.words { words.append((ids.intern(w), i)) }
            needed.append(min(2, m.words.count))
        }
        phrasesByFirst = Array(repeating: [], count: ids.count)
        itemsByWord = Array(repeating: [], count: ids.count)
        for p in phrases { phrasesByFirst[Int(p.first)].append((p.item, p.phrase)) }
        for w in words.sorted(by: { ($0.id, $0.item) < ($1.id, $1.item) }) { itemsByWord[Int(w.id)].append(w.item) }
    }

    /// Indices of the items a passage touches, in order, given its vocabulary tokens in word order. A phrase
    /// matches on tokens at consecutive word positions (every stem of a phrase is in the vocabulary).
    func items(_ tokens: ArraySlice<ItemToken>, scratch s: inout Scratch) -> [Int] {
        s.hits.removeAll(keepingCapacity: true)
        for j in tokens.indices {
            let t = tokens[j]
            for c in phrasesByFirst[Int(t.id)] where !s.hit[c.item] && j + c.phrase.count <= tokens.endIndex {
                var ok = true
                for k in 1..<max(1, c.phrase.count) {
                    let next = tokens[j + k]
                    if next.id != c.phrase[k] || next.position != t.position + Int32(k) {
                        ok = false
                        break
                    }
                }
                if ok {
                    s.hit[c.item] = true
                    s.hits.append(c.item)
                }
            }
            for item in itemsByWord[Int(t.id)] where !s.hit[item] {
                if s.weak[item].isEmpty { s.touched.append(item) }
                if !s.weak[item].contains(t.id) { s.weak[item].append(t.id) }
                if s.weak[item].count >= needed[item] {
                    s.hit[item] = true
                    s.hits.append(item)
                }
            }
        }
        for item in s.hits { s.hit[item] = false }
        for item in s.touched { s.weak[item].removeAll(keepingCapacity: true) }
        s.touched.removeAll(keepingCapacity: true)
        return s.hits.sorted()
    }
}

/// Decides whether a passage, given as stem hashes (`AgendaText.stemHashes`), touches one agenda item.
struct ItemMatcher {
    /// Keyword phrases as stem sequences: one hit is enough.
    var phrases: [[UInt64]]
    /// Rare content-word stems of the item text: two distinct hits needed (one when the item has only one).
    var words: Set<UInt64>

    init(item: AgendaItem, df: [UInt64: Int], rareLimit: Int) {
        self.init(item: item, rareLimit: rareLimit) { df[$0] ?? 0 }
    }

    /// `df` gives the number of paragraphs a stem hash occurs in.
    init(item: AgendaItem, rareLimit: Int, df: (UInt64) -> Int) {
        self.init(phrasesOf: item)
        words = Set(AgendaBuilder.contentStems(item.text).map { TokenHash.hash($0) }).filter { df($0) <= rareLimit }
    }

    /// The item's keyword phrases alone (no content words): what needs no document frequencies.
    init(phrasesOf item: AgendaItem) {
        phrases = item.keywords.map { AgendaText.stemHashes($0) }.filter { !$0.isEmpty }
        words = []
    }

    func matches(_ stems: [UInt64]) -> Bool {
        for ph in phrases where ph.count <= stems.count {
            var i = 0
            while i + ph.count <= stems.count {
                if stems[i] == ph[0] {
                    var ok = true
                    for k in 1..<max(1, ph.count) where stems[i + k] != ph[k] {
                        ok = false
                        break
                    }
                    if ok { return true }
                }
                i += 1
            }
        }
        guard !words.isEmpty else { return false }
        var hits = Set<UInt64>()
        for s in stems where words.contains(s) {
            hits.insert(s)
            if hits.count >= min(2, words.count) { return true }
        }
        return false
    }
}

extension StemIDs {
    /// The vocabulary words among `hashes` (a text's stems in word order) as tokens at their word positions,
    /// appended to `out`: the reference `appendTokens(ofWordsIn:prefixes:to:)`, which tagging uses, is tested
    /// against.
    func appendTokens(of hashes: [UInt64], to out: inout [ItemToken]) {
        for (position, h) in hashes.enumerated() where h != AgendaText.skipped {
            if let id = lookup(h) { out.append(ItemToken(position: position, id: id)) }
        }
    }

    /// The same for the words of `bytes` as `AgendaText.forEachStemHash` reads them, without a list of every
    /// word's stem hash on the way (most words are not in the vocabulary); returns the number of words.
    ///
    /// Kept out of line: inlined into its (large) callers, the word loop was left with calls for the small generic
    /// functions it is made of, and for the body of each vocabulary word.
    @inline(never) func appendTokens(
        ofWordsIn bytes: UnsafeBufferPointer<UInt8>, prefixes: StemPrefixes?, to out: inout [ItemToken]
    ) -> Int {
        var position = 0
        AgendaText.forEachStemHash(in: bytes, prefixes: prefixes) { h in
            if h != AgendaText.skipped, let id = lookup(h) { out.append(ItemToken(position: position, id: id)) }
            position += 1
        }
        return position
    }
}
