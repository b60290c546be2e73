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
        var declaredUsed = Set<Int>()
        var foundIndexByDeclared: [Int: Int] = [:]
        for f in found {
            // The same agenda found again: an occurrence.
            if let k = agendas.indices.first(where: { same(agendas[$0], f) }) {
                if let a = f.article, let p = f.paragraph {
                    agendas[k].occurrences.append(Mention(article: a, paragraph: p))
                }
                continue
            }
            if let d = declared.indices.first(where: { !declaredUsed.contains($0) && same(declared[$0], f) }) {
                declaredUsed.insert(d)
                foundIndexByDeclared[d] = agendas.count
                agendas.append(unify(declared: declared[d], found: f))
            } else {
                agendas.append(f)
            }
        }
        for (d, a) in declared.enumerated() where !declaredUsed.contains(d) { agendas.append(a) }
        tag(&agendas, articles: articles, quotes: &quotes)
        return agendas
    }

    static func normalizedLabel(_ s: String) -> String { AgendaText.words(s).joined(separator: " ") }

    /// True when `a` and `b` name the same agenda.
    static func same(_ a: Agenda, _ b: Agenda) -> Bool {
        let la = Set(([a.label] + a.aliases).map(normalizedLabel))
        let lb = Set(([b.label] + b.aliases).map(normalizedLabel))
        if !la.isDisjoint(with: lb) { return true }
        guard !a.items.isEmpty, !b.items.isEmpty else { return false }
        let matched = b.items.filter { bi in a.items.contains { itemScore($0, bi) > 0 } }.count
        return matched * 2 >= max(a.items.count, b.items.count) && matched >= 2
    }

    /// How well two items match: shared keyword or content-word stems.
    static func itemScore(_ a: AgendaItem, _ b: AgendaItem) -> Int {
        let sa = contentStems(a.text).union(a.keywords.flatMap { AgendaText.words($0).map(AgendaText.stem) })
            .union(a.name.map { AgendaText.words($0).map(AgendaText.stem) } ?? [])
        let sb = contentStems(b.text).union(b.keywords.flatMap { AgendaText.words($0).map(AgendaText.stem) })
            .union(b.name.map { AgendaText.words($0).map(AgendaText.stem) } ?? [])
        return sa.intersection(sb).count
    }

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
        var df: [String: Int] = [:]
        var paragraphStems: [[[String]]] = []
        var total = 0
        for a in articles {
            var perArticle: [[String]] = []
            for p in a.paragraphs {
                let stems = AgendaText.words(p.text).map(AgendaText.stem)
                for s in Set(stems) { df[s, default: 0] += 1 }
                perArticle.append(stems)
                total += 1
            }
            paragraphStems.append(perArticle)
        }
        let rareLimit = max(1, total / 10)
        let matchers = agendas.map { $0.items.map { ItemMatcher(item: $0, df: df, rareLimit: rareLimit) } }
        let articleIndex = Dictionary(
            articles.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (ai, article) in articles.enumerated() {
            for (pi, stems) in paragraphStems[ai].enumerated() {
                for (g, ms) in matchers.enumerated() {
                    for (k, m) in ms.enumerated() where m.matches(stems) {
                        agendas[g].items[k].passages.append(Mention(article: article.id, paragraph: pi))
                    }
                }
            }
        }
        _ = articleIndex
        for q in quotes.indices {
            let stems = AgendaText.words(quotes[q].text).map(AgendaText.stem)
            var pillars: [String] = []
            for (g, ms) in matchers.enumerated() {
                for (k, m) in ms.enumerated() where m.matches(stems) {
                    let id = agendas[g].items[k].id
                    if !pillars.contains(id) { pillars.append(id) }
                }
            }
            quotes[q].pillars = pillars
        }
    }
}

/// Decides whether a passage touches one agenda item.
struct ItemMatcher {
    /// Keyword phrases as stem sequences: one hit is enough.
    var phrases: [[String]]
    /// Rare content-word stems of the item text: two distinct hits needed (one when the item has only one).
    var words: Set<String>

    init(item: AgendaItem, df: [String: Int], rareLimit: Int) {
        let phrases = item.keywords.map { AgendaText.words($0).map(AgendaText.stem) }.filter { !$0.isEmpty }
        self.phrases = phrases
        words = AgendaBuilder.contentStems(item.text).filter { (df[$0] ?? 0) <= rareLimit }
    }

    func matches(_ stems: [String]) -> Bool {
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
        let hits = Set(stems).intersection(words).count
        return hits >= min(2, words.count)
    }
}
