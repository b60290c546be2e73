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
        // Counted once, not once per pass over the rows.
        let articles = c.speakers.map(\.articleCount)
        let header = ["NAME", "KIND", "ROLE", "ALIASES", "QUOTES", "ARTICLES"]
        alignedColumns(rows: order.count + 1, rightAligned: [4, 5], to: &out) { row in
            guard row > 0 else { return header }
            let k = order[row - 1]
            let s = c.speakers[k]
            return [
                s.name, s.kind.rawValue, s.role ?? "-", s.aliases.isEmpty ? "-" : s.aliases.joined(separator: ", "),
                String(counts[k]), String(articles[k]),
            ]
        }
        out.write("\(c.speakers.count) speakers, \(attributed) of \(c.quotes.count) quotes attributed\n")
    }

    /// Rows as columns padded to their widest cell (cells longer than 40 characters are cut with "…"). `cells`
    /// gives a row's cells and is called twice per row, for the widths and then for the line, so no row is kept.
    /// A line has no trailing spaces.
    static func alignedColumns(
        rows count: Int, rightAligned: Set<Int> = [], to out: inout TextWriter, cells: (Int) -> [String]
    ) {
        func cut(_ s: String) -> String { TextColumns.cut(s, 40) }
        var widths: [Int] = []
        for row in 0..<count {
            for (i, cell) in cells(row).enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], TextColumns.characters(cut(cell)))
            }
        }
        // Spaces are held back until something follows them on the line, so none ends it.
        var pending = 0
        func text(_ s: String) {
            let trimmed = s.utf8.reversed().prefix { $0 == UInt8(ascii: " ") }.count
            guard trimmed < s.utf8.count else {
                pending += trimmed
                return
            }
            out.spaces(pending)
            out.write(s[..<s.utf8.index(s.utf8.endIndex, offsetBy: -trimmed)])
            pending = trimmed
        }
        for row in 0..<count {
            let cells = cells(row)
            for (i, cell) in cells.enumerated() {
                let shown = cut(cell)
                let pad = widths[i] - TextColumns.characters(shown)
                if rightAligned.contains(i) {
                    pending += pad
                    text(shown)
                } else {
                    text(shown)
                    pending += pad
                }
                if i < cells.count - 1 { pending += 2 }
            }
            pending = 0
            out.write("\n")
        }
    }
}
