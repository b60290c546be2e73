extension TextReport {
    /// The speakers of the corpus as aligned plain text: name, kind, role, aliases, quotes and articles,
    /// most quoted first.
    public static func speakers(_ c: Corpus) -> String {
        var quoteCount: [String: Int] = [:]
        for q in c.quotes { if let s = q.speaker { quoteCount[s, default: 0] += 1 } }
        let sorted = c.speakers.enumerated().sorted { a, b in
            let qa = quoteCount[a.element.id] ?? 0
            let qb = quoteCount[b.element.id] ?? 0
            return qa != qb ? qa > qb : a.offset < b.offset
        }.map(\.element)
        let header = ["NAME", "KIND", "ROLE", "ALIASES", "QUOTES", "ARTICLES"]
        var rows: [[String]] = [header]
        for s in sorted {
            let articles = Set(s.mentions.map(\.article)).count
            rows.append([
                s.name, s.kind.rawValue, s.role ?? "-", s.aliases.isEmpty ? "-" : s.aliases.joined(separator: ", "),
                String(quoteCount[s.id] ?? 0), String(articles),
            ])
        }
        return alignedColumns(rows, rightAligned: [4, 5])
            + "\(c.speakers.count) speakers, \(c.quotes.filter { $0.speaker != nil }.count) of \(c.quotes.count) quotes attributed\n"
    }

    /// Rows as columns padded to their widest cell (cells longer than 40 characters are cut with "…").
    static func alignedColumns(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        func cut(_ s: String) -> String { s.count > 40 ? String(s.prefix(39)) + "…" : s }
        let cells = rows.map { $0.map(cut) }
        var widths: [Int] = []
        for row in cells {
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        var out = ""
        for row in cells {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                line += rightAligned.contains(i) ? pad + cell : cell + pad
                if i < row.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
