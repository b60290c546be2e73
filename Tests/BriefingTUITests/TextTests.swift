import BriefingModel
import Testing

@testable import BriefingTUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumn() {
        #expect(DisplayWidth.of("abc") == 3)
    }

    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth latin
    }

    @Test func combiningMarksTakeNone() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("a\u{308}\u{323}")) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func emojiIsTwoColumns() {
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇸🇪") == 2)
        #expect(DisplayWidth.of("❤") == 1)  // text presentation without VS16
    }

    @Test func controlCharactersTakeNone() {
        #expect(DisplayWidth.of("\u{7}") == 0)
    }
}

@Suite struct WrapperTests {
    private func text(_ lines: [[Glyph]]) -> [String] { lines.map { String($0.map(\.char)) } }

    @Test func wrapsAtSpaces() {
        let lines = Wrapper.wrap([Span("the quick brown fox jumps")], width: 10)
        #expect(text(lines) == ["the quick", "brown fox", "jumps"])
    }

    @Test func breaksWordsLongerThanTheLine() {
        let lines = Wrapper.wrap([Span("abcdefghij klm")], width: 4)
        #expect(text(lines) == ["abcd", "efgh", "ij", "klm"])
    }

    @Test func wideCharactersNeverOverflow() {
        let lines = Wrapper.wrap([Span("漢字漢字漢")], width: 5)
        #expect(text(lines) == ["漢字", "漢字", "漢"])
        for l in lines { #expect(l.width <= 5) }
    }

    @Test func combiningMarksStayWithTheirBase() {
        let lines = Wrapper.wrap([Span("cafe\u{301} cafe\u{301}")], width: 4)
        #expect(text(lines) == ["café", "café"])
    }

    @Test func keepsRolesAcrossLines() {
        let lines = Wrapper.wrap([Span("said "), Span("“hello world”", .quote)], width: 8)
        #expect(lines[1].allSatisfy { $0.role == .quote })
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(Wrapper.wrap([Span("")], width: 10).count == 1)
        #expect(Wrapper.wrap([Span("abc")], width: 0).isEmpty)
    }

    @Test func cutsWithAnEllipsis() {
        #expect(String(Wrapper.cut([Span("hello world")], width: 8).map(\.char)) == "hello w…")
        #expect(String(Wrapper.cut([Span("hello")], width: 5).map(\.char)) == "hello")
        #expect(String(Wrapper.cut([Span("hello")], width: 1).map(\.char)) == "…")
    }

    @Test func cutNeverSplitsAWideCharacter() {
        let cut = Wrapper.cut([Span("漢字漢字")], width: 4)
        #expect(String(cut.map(\.char)) == "漢…")
        #expect(cut.width == 3)
        let emoji = Wrapper.cut([Span("ab👍👍")], width: 4)
        #expect(String(emoji.map(\.char)) == "ab…")
    }

    @Test func controlCharactersAreRemoved() {
        #expect(String([Span("a\u{1b}[31mb\tc")].glyphs.map(\.char)) == "a[31mb c")
    }
}

@Suite struct CellGridTests {
    @Test func wideGlyphAtTheLastColumnBecomesASpace() {
        var g = CellGrid(width: 3, height: 1)
        g.write([Span("ab漢")], row: 0, col: 0, limit: 3)
        #expect(g.line(0) == "ab…")
        var h = CellGrid(width: 3, height: 1)
        h.put(Glyph("漢", role: .text), row: 0, col: 2)
        #expect(h.line(0) == "   ")
    }

    @Test func overwritingHalfAWideCharacterClearsIt() {
        var g = CellGrid(width: 4, height: 1)
        g.put(Glyph("漢", role: .text), row: 0, col: 0)
        #expect(g.line(0) == "漢  ")
        g.put(Glyph("x", role: .text), row: 0, col: 1)
        #expect(g.line(0) == " x  ")
    }

    @Test func writesOutsideAreIgnored() {
        var g = CellGrid(width: 2, height: 1)
        g.put(Glyph("x", role: .text), row: 5, col: 5)
        g.put(Glyph("x", role: .text), row: -1, col: 0)
        #expect(g.text == "")
    }
}

@Suite struct HighlightTests {
    @Test func matchesAreMarkedCaseInsensitively() {
        let spans = Span.highlighted("Never closer, and NEVER further", .quote, query: "never")
        #expect(spans.map(\.role) == [.match, .quote, .match, .quote])
        #expect(spans.map(\.text).joined() == "Never closer, and NEVER further")
    }

    @Test func noQueryLeavesTheText() {
        #expect(Span.highlighted("abc", .quote, query: nil) == [Span("abc", .quote)])
        #expect(Span.highlighted("abc", .quote, query: "x") == [Span("abc", .quote)])
    }
}

@Suite struct KeyDecoderTests {
    @Test func controlBytes() {
        #expect(KeyDecoder.decode(9, isFunctionKey: false) == .tab)
        #expect(KeyDecoder.decode(13, isFunctionKey: false) == .enter)
        #expect(KeyDecoder.decode(10, isFunctionKey: false) == .enter)
        #expect(KeyDecoder.decode(27, isFunctionKey: false) == .escape)
        #expect(KeyDecoder.decode(127, isFunctionKey: false) == .backspace)
        #expect(KeyDecoder.decode(8, isFunctionKey: false) == .backspace)
        #expect(KeyDecoder.decode(4, isFunctionKey: false) == .ctrl("d"))
        #expect(KeyDecoder.decode(21, isFunctionKey: false) == .ctrl("u"))
        #expect(KeyDecoder.decode(15, isFunctionKey: false) == .ctrl("o"))
        #expect(KeyDecoder.decode(0, isFunctionKey: false) == nil)
    }

    @Test func charactersAndFunctionKeys() {
        #expect(KeyDecoder.decode(0x6A, isFunctionKey: false) == .char("j"))
        #expect(KeyDecoder.decode(0xE9, isFunctionKey: false) == .char("é"))
        #expect(KeyDecoder.decode(0o403, isFunctionKey: true) == .up)
        #expect(KeyDecoder.decode(0o402, isFunctionKey: true) == .down)
        #expect(KeyDecoder.decode(0o541, isFunctionKey: true) == .backTab)
        #expect(KeyDecoder.decode(0o522, isFunctionKey: true) == .pageDown)
        #expect(KeyDecoder.decode(0o523, isFunctionKey: true) == .pageUp)
        #expect(KeyDecoder.decode(0o406, isFunctionKey: true) == .home)
        #expect(KeyDecoder.decode(0o550, isFunctionKey: true) == .end)
        #expect(KeyDecoder.decode(0o407, isFunctionKey: true) == .backspace)
        #expect(KeyDecoder.decode(0o777, isFunctionKey: true) == nil)
    }
}

@Suite struct FoldingTests {
    @Test func foldsAsFoundationDoes() {
        let samples = [
            "North Korea’s “Supreme Leader” — said", "ÉCOLE Café naïve Ørsted ŁÓDŹ Œuvre", "Straße İstanbul ﬁne",
            "Ｎｏｒｔｈ ＫＯＲＥＡ ｶﾀｶﾅ", "ΣΟΦΟΣ σοφός", "МОСКВА Москва", "e\u{301}te\u{301} naı̈ve", "漢字 한국어 😀 ❤️ 👍🏽 👨‍👩‍👧 🇸🇪",
            "\u{301}lone mark, a \u{301} after a space",
            "plain ASCII, Mixed Case: 123", "",
        ]
        for s in samples { #expect(Folding.fold(s) == Folding.foundationFold(s), "\(s)") }
        for v in 0x80..<0x3000 {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = "A" + String(u) + "z"
            #expect(Folding.fold(s) == Folding.foundationFold(s), "U+\(String(v, radix: 16))")
        }
    }
}

@Suite struct FoldedContainsTests {
    @Test func matchesAsTheFoldedCopyWould() {
        let texts = [
            "North Korea’s “Supreme Leader” — SAID on Monday", "Café talks in ŁÓDŹ", "plain ascii text", "", "ab",
            "Straße", "e\u{301}tude",
        ]
        let queries = ["korea’s", "SUPREME leader”", "— said", "cafe", "lodz", "ASCII", "b", "abc", "ss", "etude", "é"]
        for t in texts {
            for q in queries {
                let expected = Folding.fold(t).contains(Folding.fold(q))
                #expect(Folding.folded(t, contains: Folding.fold(q)) == expected, "\(t) / \(q)")
                #expect(Folding.foldedText(Folding.fold(t), contains: Folding.fold(q)) == expected, "\(t) / \(q)")
            }
        }
    }
}

/// Counting lines without building them (`Wrapper.lineCount`, `CellRuns`) must agree with `Wrapper.wrap`.
@Suite struct LineCountTests {
    /// Pieces that exercise every path: the fast UTF-8 path, its edges, and what sends a span to the slow path.
    static let pieces = [
        "a", "word", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{7}", "\u{1b}", "\u{7f}", "\u{85}", "\u{9f}", "\u{a0}",
        "\u{ad}", "é", "ÿ", "“", "”", "—", "‧", "\u{2028}", "e\u{301}", "\u{301}", "漢字", "👍", "❤️", "🇸🇪", "\u{200b}",
        "supercalifragilistic", ".", "-",
    ]

    /// Random text from `pieces`, seeded (`SplitMix64`) so a failure can be replayed.
    static func text(_ rng: inout SplitMix64, _ count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
    }

    @Test func runsOfTextAreTheRunsOfItsGlyphs() {
        var rng = SplitMix64(seed: 7)
        func check(_ texts: [String]) {
            var cells = CellRuns()
            for t in texts { cells.append(t[...]) }
            let glyphs = texts.map { Span($0) }.glyphs
            #expect(cells.runs == CellRuns(glyphs).runs, "\(texts.map(\.debugDescription))")
        }
        for piece in Self.pieces { check([piece]) }
        for _ in 0..<500 {
            // Several spans, so a run continues across them and a slow span follows a fast one.
            check(
                (0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.text(&rng, Int.random(in: 0...12, using: &rng))
                })
        }
    }

    @Test func lineCountIsTheNumberOfWrappedLines() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<400 {
            let spans = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                Span(Self.text(&rng, Int.random(in: 0...25, using: &rng)))
            }
            for width in [1, 2, 3, 5, 8, 13, 30] {
                #expect(Wrapper.lineCount(spans, width: width) == Wrapper.wrap(spans, width: width).count)
            }
        }
        #expect(Wrapper.lineCount([Span("abc")], width: 0) == 0)
    }
}

/// The detail's layout: lines wrapped when asked for, as if the whole doc had been wrapped at once.
@Suite struct DocLayoutTests {
    @Test func linesOfAnyRangeAreTheWholeWrapsLines() {
        var rng = SplitMix64(seed: 3)
        var doc = Doc()
        for i in 0..<60 {
            let text = LineCountTests.text(&rng, Int.random(in: 0...30, using: &rng))
            doc.add([Span(text, i % 2 == 0 ? .text : .quote)], indent: i % 3 == 0 ? 2 : 0)
        }
        let width = 17
        let writer = BlockWriter(index: Fixture.index)
        let layout = DocLayout(doc, width: width, writer: writer)
        let whole = doc.blocks.flatMap { b in
            Wrapper.wrap(writer.spans(b.content), width: width - b.indent).map {
                [Glyph](repeating: Glyph(" ", width: 1, role: .text), count: b.indent) + $0
            }
        }
        #expect(layout.lineCount == whole.count)
        #expect(layout.lines(0..<whole.count) == whole)
        for start in stride(from: 0, to: whole.count, by: 7) {
            #expect(layout.lines(start..<(start + 11)) == Array(whole[start..<min(whole.count, start + 11)]))
        }
        #expect(layout.lines((whole.count + 1)..<(whole.count + 5)).isEmpty)
        for (b, block) in doc.blocks.enumerated() {
            let r = layout.range(ofBlock: b)
            #expect(r.count == Wrapper.wrap(writer.spans(block.content), width: width - block.indent).count)
        }
    }
}

/// A doc's blocks with long lists held as runs: read back one by one, they are the blocks added one by one.
@Suite struct BlocksTests {
    @Test func runsReadAsTheBlocksTheyStandFor() {
        let refs = (0..<5).map { ParagraphRef(article: "a\($0)", paragraph: $0) }
        var runs = Doc()
        var single = Doc()
        for round in 0..<3 {
            runs.add([Span("heading \(round)", .heading)])
            single.add([Span("heading \(round)", .heading)])
            let ids = (0..<(round * 2)).map { "q\(round)-\($0)" }
            runs.add(quotes: ids, withSpeaker: round == 1, indent: round)
            for id in ids {
                single.add(.quote(id: id, withSpeaker: round == 1), link: .quote(id), indent: round, matches: .quote)
            }
            runs.add(passages: Array(refs.prefix(round + 1)))
            for p in refs.prefix(round + 1) {
                single.add(.passageHeading(p), link: .paragraph(p.article, p.paragraph))
                single.add(.paragraph(p), indent: 2)
            }
        }
        runs.add(quotes: [], withSpeaker: false)
        runs.add(passages: [])
        #expect(runs.blocks.count == single.blocks.count)
        #expect(Array(runs.blocks) == Array(single.blocks))
        #expect(runs.blocks.reversed().map(\.link) == single.blocks.reversed().map(\.link))
    }
}

/// Blocks holding references (paragraphs, a list's quotes and passages) are counted from the text the index gives
/// and drawn from it: both must make the same lines, and the rows the same text the doc once held.
@Suite struct WrittenBlockLayoutTests {
    @Test func writtenBlocksWrapToTheLinesCounted() {
        let writer = BlockWriter(index: Fixture.index)
        var written = 0
        for pane in Pane.allCases {
            for row in 0..<Fixture.index.count(pane) {
                let doc = DetailBuilder(index: Fixture.index).doc(pane: pane, row: row)
                for width in [7, 30, 77] {
                    let layout = DocLayout(doc, width: width, writer: writer)
                    for (b, block) in doc.blocks.enumerated() {
                        let spans: [Span]
                        switch block.content {
                        case .spans: continue
                        case .paragraph(let p): spans = writer.styler.spans(p, query: "the")
                        case .quote, .passageHeading: spans = writer.spans(block.content)
                        }
                        written += 1
                        let inner = max(1, width - block.indent)
                        #expect(layout.range(ofBlock: b).count == Wrapper.wrap(spans, width: inner).count)
                        #expect(!spans.isEmpty)
                    }
                }
            }
        }
        #expect(written > 0)
    }

    @Test func aQuoteRowShowsDateSpeakerAndText() throws {
        let writer = BlockWriter(index: Fixture.index)
        let row = try #require(Fixture.index.quotes.firstIndex { $0.speaker != nil })
        let q = Fixture.index.quotes[row]
        let name = try #require(q.speaker.flatMap { Fixture.index.speaker($0)?.name })
        let date = Fixture.index.date(ofArticle: q.article)?.description ?? "undated"
        let text = { (spans: [Span]) in spans.map(\.text).joined() }
        #expect(text(writer.spans(.quote(id: q.id, withSpeaker: true))) == "\(date)  \(name): “\(q.text)”")
        #expect(text(writer.spans(.quote(id: q.id, withSpeaker: false))) == "\(date)  “\(q.text)”")
        #expect(writer.spans(.quote(id: "no such quote", withSpeaker: true)).isEmpty)
        let a = try #require(Fixture.index.articles.first)
        let heading = text(writer.spans(.passageHeading(ParagraphRef(article: a.id, paragraph: 1))))
        #expect(heading == "\(a.date?.description ?? "undated")  \(a.title)  ¶2")
    }
}

/// A long paragraph is drawn by its lines: the lines of any range are those of the whole paragraph wrapped and styled.
@Suite struct LongParagraphTests {
    @Test func eachLineStartWrapsToTheRestOfTheLines() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let text = LineCountTests.text(&rng, Int.random(in: 0...60, using: &rng))
            let glyphs = [Span(text)].glyphs
            for width in [1, 2, 5, 9, 23] {
                var cells = CellRuns()
                cells.append(text[...])
                let starts = Wrapper.lineStarts(of: cells, width: width)
                let whole = Wrapper.wrap(glyphs: glyphs, width: width)
                #expect(starts.count == whole.count)
                let at = CellRuns.indices(ofCells: starts, in: text[...])
                for (k, i) in at.enumerated() {
                    #expect(Array(glyphs.dropFirst(starts[k])) == [Span(String(text[i...]))].glyphs)
                    #expect(Wrapper.wrap([Span(String(text[i...]))], width: width) == Array(whole.dropFirst(k)))
                }
            }
        }
    }

    @Test func linesOfAnyRangeAreTheWholeParagraphs() {
        let writer = BlockWriter(index: Fixture.index)
        var windows = 0
        for pane in [Pane.articles, .quotes] {
            for row in 0..<Fixture.index.count(pane) {
                let doc = DetailBuilder(index: Fixture.index).doc(pane: pane, row: row)
                for width in [9, 40] {
                    let whole = DocLayout(doc, width: width, writer: writer, longParagraph: .max)
                    let parts = DocLayout(doc, width: width, writer: writer, longParagraph: 0)
                    #expect(parts.lineCount == whole.lineCount)
                    for query in [nil, "the", "Kim"] {
                        for start in stride(from: 0, to: whole.lineCount, by: 3) {
                            let r = start..<(start + 1 + start % 7)
                            #expect(parts.lines(r, query: query) == whole.lines(r, query: query))
                            windows += 1
                        }
                    }
                }
            }
        }
        #expect(windows > 100)
    }
}

/// The memo of the last detail layout: built once per key.
@Suite struct LayoutMemoTests {
    @Test func buildsOnlyWhenTheKeyChanges() {
        let memo = LayoutMemo()
        var builds = 0
        func get(_ key: LayoutMemo.Key) -> DocLayout {
            memo.layout(key) {
                builds += 1
                return DocLayout(Doc(), width: key.width, writer: BlockWriter(index: Fixture.index))
            }
        }
        let key = LayoutMemo.Key(pane: .speakers, row: 3, width: 40)
        _ = get(key)
        _ = get(key)
        #expect(builds == 1)
        for other in [
            LayoutMemo.Key(pane: .quotes, row: 3, width: 40),
            LayoutMemo.Key(pane: .speakers, row: 4, width: 40),
            LayoutMemo.Key(pane: .speakers, row: 4, width: 41),
        ] {
            _ = get(other)
        }
        #expect(builds == 4)
        #expect(get(key).width == 40)
        #expect(builds == 5)
    }
}
