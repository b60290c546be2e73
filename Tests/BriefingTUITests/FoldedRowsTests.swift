import Testing

@testable import BriefingTUI

/// `FoldedRows` (one buffer, `memchr` + `memcmp`) finds exactly the rows the per-row folded substring test finds.
@Suite struct FoldedRowsTests {
    static let texts = [
        "Denuclearization talks", "", "ab", "ba", "aaa", "R\u{E9}gime CHANGE", "Kim\u{2019}s visit",
        "x", "talks\ntalks", "end-ab", "abab", "\u{5317}\u{671D}\u{9BAE}", "na\u{EF}ve", "b",
    ]

    static func naive(_ query: String) -> [Int] {
        let q = Folding.fold(query)
        guard !q.isEmpty else { return [] }
        return texts.indices.filter { Folding.foldedText(Folding.fold(texts[$0]), contains: q) }
    }

    @Test func findsTheSameRowsAsTheRowByRowScan() {
        let rows = FoldedRows(Self.texts)
        let queries = [
            "a", "b", "ab", "ba", "aa", "aaa", "aaaa", "bab", "abx", "talks", "s\nt", "regime", "r\u{E9}gime", "GIME c",
            "kim\u{2019}s", "\u{671D}", "naive", "na\u{EF}", "x", "bx", "sx", "zzz", "-", "change", "tionta",
        ]
        for q in queries {
            let f = Folding.fold(q)
            #expect((f.isEmpty ? [] : rows.rows(containing: f)) == Self.naive(q), "\(q)")
        }
    }

    @Test func aMatchNeverSpansTwoRows() {
        let rows = FoldedRows(["ab", "cd", "abc"])
        #expect(rows.rows(containing: "bc") == [2])
        #expect(rows.rows(containing: "abcd") == [])
        #expect(FoldedRows([]).rows(containing: "a") == [])
    }
}
