extension TextReport {
    /// The agenda of the corpus as aligned plain text: each agenda, its items, and for each item the number of
    /// quotes and passages that touch it with a few of the quotes.
    public static func agenda(_ c: Corpus, quotesPerItem: Int = 3) -> String {
        TextWriter.collect { agenda(c, quotesPerItem: quotesPerItem, to: &$0) }
    }

    /// The same, written to `out` an agenda at a time.
    public static func agenda(_ c: Corpus, quotesPerItem: Int = 3, to out: inout TextWriter) {
        guard !c.agendas.isEmpty else {
            out.write("no agenda found or declared\n")
            return
        }
        let speakerNames = Dictionary(c.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let touching = quotesByItem(c.quotes, keep: quotesPerItem)
        for a in c.agendas {
            var head = "\(a.label)  [\(a.id)]"
            if let article = a.article, let p = a.paragraph {
                head += "  enumerated in \(article) ¶\(p)"
            } else {
                head += "  declared"
            }
            if !a.occurrences.isEmpty { head += ", \(a.occurrences.count) more occurrence(s)" }
            out.write(head + "\n")
            if !a.aliases.isEmpty { out.write("  also: \(a.aliases.joined(separator: "; "))\n") }
            for (n, item) in a.items.enumerated() {
                let quotes = touching[item.id] ?? QuotesOfItem()
                let title = item.name.map { "\($0): " } ?? ""
                out.write("  \(n + 1). \(title)\(item.text)\n")
                out.write("     \(quotes.count) quote(s), \(item.passages.count) passage(s)\n")
                for q in quotes.first.map({ c.quotes[$0] }) {
                    let who = q.speaker.flatMap { speakerNames[$0] } ?? "unattributed"
                    let text = q.text.count > 90 ? String(q.text.prefix(89)) + "…" : q.text
                    out.write("     - “\(text)” — \(who) (\(q.article) ¶\(q.paragraph))\n")
                }
            }
            out.write("\n")
        }
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
