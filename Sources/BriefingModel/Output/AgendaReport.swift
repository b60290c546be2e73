extension TextReport {
    /// The agenda of the corpus as aligned plain text: each agenda, its items, and for each item the number of
    /// quotes and passages that touch it with a few of the quotes.
    public static func agenda(_ c: Corpus, quotesPerItem: Int = 3) -> String {
        guard !c.agendas.isEmpty else { return "no agenda found or declared\n" }
        let speakerNames = Dictionary(c.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let touching = quotesByItem(c.quotes, keep: quotesPerItem)
        var out = ""
        for a in c.agendas {
            out += "\(a.label)  [\(a.id)]"
            if let article = a.article, let p = a.paragraph {
                out += "  enumerated in \(article) ¶\(p)"
            } else {
                out += "  declared"
            }
            if !a.occurrences.isEmpty { out += ", \(a.occurrences.count) more occurrence(s)" }
            out += "\n"
            if !a.aliases.isEmpty { out += "  also: \(a.aliases.joined(separator: "; "))\n" }
            for (n, item) in a.items.enumerated() {
                let quotes = touching[item.id] ?? QuotesOfItem()
                let title = item.name.map { "\($0): " } ?? ""
                out += "  \(n + 1). \(title)\(item.text)\n"
                out += "     \(quotes.count) quote(s), \(item.passages.count) passage(s)\n"
                for q in quotes.first.map({ c.quotes[$0] }) {
                    let who = q.speaker.flatMap { speakerNames[$0] } ?? "unattributed"
                    let text = q.text.count > 90 ? String(q.text.prefix(89)) + "…" : q.text
                    out += "     - “\(text)” — \(who) (\(q.article) ¶\(q.paragraph))\n"
                }
            }
            out += "\n"
        }
        return out
    }

    /// How many quotes touch an agenda item, and the positions of the first few.
    struct QuotesOfItem {
        var count = 0
        var first: [Int] = []

        mutating func add(_ position: Int, keep: Int) {
            count += 1
            if first.count < keep { first.append(position) }
        }
    }

    /// The quotes touching each agenda item id, found in one pass (a quote naming an item twice counts once), the
    /// first `keep` of each kept in corpus order.
    static func quotesByItem(_ quotes: [Quote], keep: Int) -> [String: QuotesOfItem] {
        var byItem: [String: QuotesOfItem] = [:]
        for i in quotes.indices {
            let pillars = quotes[i].pillars
            for (k, id) in pillars.enumerated() where !pillars[..<k].contains(id) {
                byItem[id, default: QuotesOfItem()].add(i, keep: keep)
            }
        }
        return byItem
    }
}
