import Testing

@testable import BriefingModel

/// The flat quote table the corpus-wide stages read: rows across blocks, places, texts and the quotes built back.
@Suite struct QuoteTableTests {
    static let paragraph = "Ann said “we will talk” and Tom said “no”."

    static func table(count: Int) -> QuoteTable {
        var table = QuoteTable()
        table.reserveCapacity(count)
        let text = Self.paragraph[...]
        for i in 0..<count {
            let article = "a\(i / 7)"
            if i % 1000 == 999 {
                // An id of another form, kept as it is.
                table.append(
                    Quote(
                        id: "custom-\(i)", article: article, paragraph: i % 3, start: 1, end: 2, slice: text.prefix(3)),
                    speaker: -1)
            } else {
                table.append(
                    article: article, number: i % 7 + 1, paragraph: Int32(i % 3), start: Int32(i), end: Int32(i + 4),
                    speaker: Int32(i % 5) - 1, text: text.dropFirst(i % 9), cue: i % 2 == 0 ? "said" : nil)
            }
        }
        table.finishAppending()
        return table
    }

    @Test func rowsAcrossBlocksReadBackAsWritten() {
        let n = QuoteTable.blockSize * 2 + 37
        let table = Self.table(count: n)
        #expect(table.count == n && table.rows.count == n)
        #expect(table.articleIDs.count == (n + 6) / 7)
        for i in [0, 1, QuoteTable.blockSize - 1, QuoteTable.blockSize, n - 1] where i % 1000 != 999 {
            let q = table.quote(i, speaker: "s", pillars: ["p"], events: ["e"])
            #expect(q.id == "a\(i / 7)#q\(i % 7 + 1)" && q.article == "a\(i / 7)")
            #expect(q.paragraph == i % 3 && q.start == i && q.end == i + 4)
            #expect(q.text == String(Self.paragraph.dropFirst(i % 9)) && q.cue == (i % 2 == 0 ? "said" : nil))
            #expect(q.speaker == "s" && q.pillars == ["p"] && q.events == ["e"])
            #expect(table[i].speaker == Int32(i % 5) - 1)
            #expect(table.places[i] == QuotePlace(q) && table.texts[i] == q.textSlice)
        }
        #expect(table.quote(999, speaker: nil, pillars: [], events: []).id == "custom-999")
        #expect(Array(table.texts).count == n && table.places.count == n)
    }

    /// The quotes built from the table take each row's events whether the linker's list is in row order (read in
    /// step) or not (gathered by row), and the terms are left out.
    @Test func quotesTakeTheirEventsInOrderOrNot() {
        let n = QuoteTable.blockSize + 20
        let inOrder: [(quote: Int, events: [String])] = stride(from: 0, to: n, by: 3).map { ($0, ["e\($0 % 4)"]) }
        // Out of order, one row twice (its lists joined, each id once) and a row beyond the table (ignored).
        var shuffled = Array(inOrder.reversed())
        shuffled.append((3, ["e3", "x"]))
        shuffled.append((n + 5, ["y"]))
        // Row 6 is a label: a term, not a quote.
        var candidates = [TermReconciler.Candidate](repeating: .none, count: n)
        candidates[6] = .label
        func build(_ events: [(quote: Int, events: [String])]) -> (quotes: [Quote], terms: [Term]) {
            var table = Self.table(count: n)
            var terms: [Term] = []
            let quotes = CorpusLines.quotes(
                &table, speakers: (speakers: [], slots: []), events: events, pillars: [], candidates: candidates,
                terms: &terms)
            return (quotes, terms)
        }
        let a = build(inOrder)
        let b = build(shuffled)
        #expect(a.quotes.count == n - 1 && a.terms.count == 1 && a.terms.first?.paragraph == 0)
        #expect(a.quotes[0].events == ["e0"] && a.quotes[1].events.isEmpty && a.quotes[3].events == ["e3"])
        // Row 7 is quote 6 once the term is left out.
        #expect(a.quotes[6].events.isEmpty && a.quotes[8].events == ["e1"])
        #expect(b.quotes.map(\.events) == a.quotes.map { $0.id == a.quotes[3].id ? ["e3", "x"] : $0.events })
    }

    @Test func releasingABlockKeepsTheOthers() {
        var table = Self.table(count: QuoteTable.blockSize + 5)
        let last = table.quote(QuoteTable.blockSize + 4, speaker: nil, pillars: [], events: [])
        table.releaseBlock(of: 3)
        #expect(table.quote(QuoteTable.blockSize + 4, speaker: nil, pillars: [], events: []) == last)
    }
}
