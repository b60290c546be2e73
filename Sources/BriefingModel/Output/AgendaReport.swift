extension TextReport {
    /// The agenda of the corpus as aligned plain text: each agenda, its items, and for each item the number of
    /// quotes and passages that touch it with a few of the quotes.
    public static func agenda(_ c: Corpus, quotesPerItem: Int = 3) -> String {
        guard !c.agendas.isEmpty else { return "no agenda found or declared\n" }
        let speakerNames = Dictionary(c.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
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
                let quotes = c.quotes.filter { $0.pillars.contains(item.id) }
                let title = item.name.map { "\($0): " } ?? ""
                out += "  \(n + 1). \(title)\(item.text)\n"
                out += "     \(quotes.count) quote(s), \(item.passages.count) passage(s)\n"
                for q in quotes.prefix(quotesPerItem) {
                    let who = q.speaker.flatMap { speakerNames[$0] } ?? "unattributed"
                    let text = q.text.count > 90 ? String(q.text.prefix(89)) + "…" : q.text
                    out += "     - “\(text)” — \(who) (\(q.article) ¶\(q.paragraph))\n"
                }
            }
            out += "\n"
        }
        return out
    }
}
