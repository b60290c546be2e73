extension TextReport {
    /// The speakers of the corpus as aligned plain text: name, kind, role, aliases, quotes and articles,
    /// most quoted first.
    public static func speakers(_ c: Corpus) -> String { TextWriter.collect { speakers(c, to: &$0) } }

    /// The same, written to `out` a line at a time.
    public static func speakers(_ c: Corpus, to out: inout TextWriter) {
        var quoteCount: [String: Int] = [:]
        var attributed = 0
        for i in c.quotes.indices {
            guard let s = c.quotes[i].speaker else { continue }
            quoteCount[s, default: 0] += 1
            attributed += 1
        }
        let counts = c.speakers.map { quoteCount[$0.id] ?? 0 }
        let order = c.speakers.indices.sorted { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : a < b }
        let header = ["NAME", "KIND", "ROLE", "ALIASES", "QUOTES", "ARTICLES"]
        alignedColumns(rows: order.count + 1, rightAligned: [4, 5], to: &out) { row in
            guard row > 0 else { return header }
            let k = order[row - 1]
            let s = c.speakers[k]
            let articles = Set(s.mentions.map(\.article)).count
            return [
                s.name, s.kind.rawValue, s.role ?? "-", s.aliases.isEmpty ? "-" : s.aliases.joined(separator: ", "),
                String(counts[k]), String(articles),
            ]
        }
        out.write("\(c.speakers.count) speakers, \(attributed) of \(c.quotes.count) quotes attributed\n")
    }

    /// Rows as columns padded to their widest cell (cells longer than 40 characters are cut with "…"). `cells`
    /// gives a row's cells and is called twice per row, for the widths and then for the line, so no row is kept.
    static func alignedColumns(
        rows count: Int, rightAligned: Set<Int> = [], to out: inout TextWriter, cells: (Int) -> [String]
    ) {
        func cut(_ s: String) -> String { s.count > 40 ? String(s.prefix(39)) + "…" : s }
        var widths: [Int] = []
        for row in 0..<count {
            for (i, cell) in cells(row).enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], cut(cell).count)
            }
        }
        for row in 0..<count {
            let cells = cells(row)
            var line = ""
            for (i, cell) in cells.enumerated() {
                let shown = cut(cell)
                let pad = String(repeating: " ", count: widths[i] - shown.count)
                line += rightAligned.contains(i) ? pad + shown : shown + pad
                if i < cells.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out.write(line + "\n")
        }
    }
}
