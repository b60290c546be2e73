/// Unifies agendas found in the text with declared ones and tags quotes and passages with their items.
///
/// A found agenda and a declared one are the same when the found label equals the declared label or an alias, or
/// when at least half of the found items match declared items. They merge into one agenda with the declared id,
/// label, aliases and item ids, names and keywords, the found items' own words as text, and where it was found.
/// Passages and quotes are tagged by the items' keywords (one hit) and their own content words (two rare ones).
public enum AgendaBuilder {
    public static func build(found: [Agenda], declared: [Agenda], articles: [Article], quotes: inout [Quote])
        -> [Agenda]
    {
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
        tag(&agendas, articles: articles, quotes: &quotes)
        return agendas
    }

    static func normalizedLabel(_ s: String) -> String { AgendaText.words(s).joined(separator: " ") }

    /// What identifies an agenda: its labels and the stems of each item, computed once.
    struct Signature {
        var labels: Set<String>
        var items: [Set<String>]

        init(_ a: Agenda) {
            labels = Set(([a.label] + a.aliases).map(AgendaBuilder.normalizedLabel))
            items = a.items.map(AgendaBuilder.itemStems)
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

    /// The keyword, name and content-word stems of an item.
    static func itemStems(_ a: AgendaItem) -> Set<String> {
        contentStems(a.text).union(a.keywords.flatMap { AgendaText.words($0).map(AgendaText.stem) })
            .union(a.name.map { AgendaText.words($0).map(AgendaText.stem) } ?? [])
    }

    /// How well two items match: shared keyword or content-word stems.
    static func itemScore(_ a: AgendaItem, _ b: AgendaItem) -> Int { itemStems(a).intersection(itemStems(b)).count }

    static func contentStems(_ text: String) -> Set<String> {
        Set(AgendaText.words(text).filter { !AgendaText.stopwords.contains($0) && $0.count > 2 }.map(AgendaText.stem))
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

    /// Tags paragraphs (item passages) and quotes (pillars) with the items they touch.
    static func tag(_ agendas: inout [Agenda], articles: [Article], quotes: inout [Quote]) {
        // Paragraph document frequency of stems: a content word found in many paragraphs is too common to tag.
        var df: [UInt64: Int] = [:]
        var paragraphStems: [[[UInt64]]] = []
        var total = 0
        var seen = Set<UInt64>()
        for a in articles {
            var perArticle: [[UInt64]] = []
            for p in a.paragraphs {
                let stems = AgendaText.stemHashes(p.text)
                seen.removeAll(keepingCapacity: true)
                for s in stems where seen.insert(s).inserted { df[s, default: 0] += 1 }
                perArticle.append(stems)
                total += 1
            }
            paragraphStems.append(perArticle)
        }
        let rareLimit = max(1, total / 10)
        var owners: [(agenda: Int, item: Int)] = []
        var matchers: [ItemMatcher] = []
        for (g, a) in agendas.enumerated() {
            for (k, item) in a.items.enumerated() {
                owners.append((g, k))
                matchers.append(ItemMatcher(item: item, df: df, rareLimit: rareLimit))
            }
        }
        let tagger = AgendaTagger(matchers)
        for (ai, article) in articles.enumerated() {
            for (pi, stems) in paragraphStems[ai].enumerated() {
                for m in tagger.items(stems) {
                    agendas[owners[m].agenda].items[owners[m].item].passages.append(
                        Mention(article: article.id, paragraph: pi))
                }
            }
        }
        for q in quotes.indices {
            quotes[q].pillars = tagger.items(AgendaText.stemHashes(quotes[q].text)).map {
                agendas[owners[$0].agenda].items[owners[$0].item].id
            }
        }
    }
}

/// All item matchers at once, indexed by stem: one pass over a passage finds every item it touches.
struct AgendaTagger {
    private var phrasesByFirst: [UInt64: [(item: Int, phrase: [UInt64])]] = [:]
    private var itemsByWord: [UInt64: [Int]] = [:]
    private var needed: [Int] = []

    init(_ matchers: [ItemMatcher]) {
        for (i, m) in matchers.enumerated() {
            for ph in m.phrases { if let f = ph.first { phrasesByFirst[f, default: []].append((i, ph)) } }
            for w in m.words { itemsByWord[w, default: []].append(i) }
            needed.append(min(2, m.words.count))
        }
    }

    /// Indices of the items `stems` touches, in order.
    func items(_ stems: [UInt64]) -> [Int] {
        var hit = Set<Int>()
        var weak: [Int: Set<UInt64>] = [:]
        for (i, s) in stems.enumerated() {
            if let cands = phrasesByFirst[s] {
                for c in cands where !hit.contains(c.item) && i + c.phrase.count <= stems.count {
                    var ok = true
                    for k in 1..<max(1, c.phrase.count) where stems[i + k] != c.phrase[k] {
                        ok = false
                        break
                    }
                    if ok { hit.insert(c.item) }
                }
            }
            if let items = itemsByWord[s] {
                for item in items where !hit.contains(item) {
                    weak[item, default: []].insert(s)
                    if (weak[item]?.count ?? 0) >= needed[item] { hit.insert(item) }
                }
            }
        }
        return hit.sorted()
    }
}

/// Decides whether a passage, given as stem hashes (`AgendaText.stemHashes`), touches one agenda item.
struct ItemMatcher {
    /// Keyword phrases as stem sequences: one hit is enough.
    var phrases: [[UInt64]]
    /// Rare content-word stems of the item text: two distinct hits needed (one when the item has only one).
    var words: Set<UInt64>

    init(item: AgendaItem, df: [UInt64: Int], rareLimit: Int) {
        phrases = item.keywords.map(AgendaText.stemHashes).filter { !$0.isEmpty }
        words = Set(AgendaBuilder.contentStems(item.text).map { TokenHash.hash($0) }).filter {
            (df[$0] ?? 0) <= rareLimit
        }
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
