import BriefingModel
import Foundation
import Testing

@testable import BriefingTUI

/// Whole frames rendered from the fixture and compared as text with `Tests/Snapshots/BriefingTUI/*.txt` (outside the target, so SwiftPM sees no stray resources).
/// Run with RECORD_SNAPSHOTS=1 to rewrite them after an intended change (then review the diff).
@Suite struct FrameTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots/BriefingTUI")

    private func check(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let frame = Fixture.frame(state)
        let url = FrameTests.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: FrameTests.folder, withIntermediateDirectories: true)
            try? (frame + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing snapshot \(name).txt)"
        #expect(frame + "\n" == expected, "frame \(name) differs from its snapshot", sourceLocation: sourceLocation)
    }

    @Test func everyFrameFitsItsSize() {
        for (w, h) in [(120, 40), (80, 24), (60, 15), (40, 10), (20, 5), (1, 1)] {
            for pane in "12345" {
                let s = Fixture.press(Fixture.state(w, h), [.char(pane), .enter])
                let grid = FrameRenderer.render(s)
                #expect(grid.width == w && grid.height == h)
                for r in 0..<h { #expect(DisplayWidth.of(grid.line(r)) <= w) }
            }
        }
    }

    @Test func articles() {
        let s = Fixture.press(Fixture.state(), [.enter])
        let text = Fixture.frame(s)
        #expect(text.contains("Envoys meet in Geneva"))
        #expect(text.contains("↳ event: Geneva talks"))
        check("articles", s)
    }

    @Test func articleWithWarningsAndWideText() {
        let s = Fixture.press(Fixture.state(), "j")
        let text = Fixture.frame(s)
        #expect(text.contains("⚠ line 3: unknown front matter key 'mood'"))
        #expect(text.contains("漢字 and emoji 👍"))
        check("article-warnings", s)
    }

    @Test func articleRoles() {
        let s = Fixture.press(Fixture.state(), [.enter])
        let grid = FrameRenderer.render(s)
        var roles: [String: Role] = [:]
        for r in 0..<grid.height {
            let line = grid.line(r)
            if let range = line.range(of: "useful") {
                let col = line.distance(from: line.startIndex, to: range.lowerBound)
                roles["quote"] = grid[r, col].role
            }
            if let range = line.range(of: "Mara Velde") {
                let col = line.distance(from: line.startIndex, to: range.lowerBound)
                roles["speaker"] = grid[r, col].role
            }
        }
        #expect(roles["quote"] == .quote)
        #expect(roles["speaker"] == .speaker(Fixture.index.slot(ofSpeaker: "velde")))
    }

    /// The role drawn at the first `word` right of the list, in the detail pane.
    private func detailRole(of word: String, in grid: CellGrid, after column: Int) -> Role? {
        for r in 0..<grid.height {
            let line = grid.line(r)
            guard let start = line.index(line.startIndex, offsetBy: column + 1, limitedBy: line.endIndex),
                let range = line.range(of: word, range: start..<line.endIndex)
            else { continue }
            return grid[r, line.distance(from: line.startIndex, to: range.lowerBound)].role
        }
        return nil
    }

    @Test func searchMatchesAreMarkedInQuoteLines() {
        var s = Fixture.press(Fixture.state(), "3/useful")
        s = Fixture.press(s, [.enter])
        let listWidth = s.geometry.listWidth
        #expect(detailRole(of: "useful", in: FrameRenderer.render(s), after: listWidth) == .match)
        s = Fixture.press(s, "2")
        s.at.row = Fixture.index.speakers.firstIndex { $0.id == "velde" } ?? 0
        #expect(detailRole(of: "useful", in: FrameRenderer.render(s), after: listWidth) == .match)
        // Cleared, the same line shows the quote again.
        s = Fixture.press(s, [.escape])
        #expect(!s.search.isActive)
        #expect(detailRole(of: "useful", in: FrameRenderer.render(s), after: listWidth) == .quote)
    }

    @Test func speakers() {
        var s = Fixture.press(Fixture.state(), "2")
        s.at.row = Fixture.index.speakers.firstIndex { $0.id == "velde" } ?? 0
        let text = Fixture.frame(s)
        #expect(text.contains("Role: chief negotiator"))
        #expect(text.contains("Also called: Velde"))
        #expect(text.contains("Geneva talks"))
        check("speakers", s)
    }

    @Test func quotes() {
        let s = Fixture.press(Fixture.state(), "3jj")
        let text = Fixture.frame(s)
        #expect(text.contains("“We were never closer, and never further.”"))
        #expect(text.contains("Speaker: Ivo Brandt"))
        check("quotes", s)
    }

    @Test func agenda() {
        let s = Fixture.press(Fixture.state(), "4")
        let text = Fixture.frame(s)
        #expect(text.contains("Quotes (2), by date"))
        #expect(text.contains("Passages (2), by date"))
        check("agenda", s)
    }

    @Test func events() {
        let s = Fixture.press(Fixture.state(), "5")
        let text = Fixture.frame(s)
        #expect(text.contains("before         → Oslo summit"))
        // Stated only by the working-level talks ("a follow-up to the Geneva talks"), shown from Geneva's side.
        #expect(text.contains("followed up by → Working-level talks"))
        #expect(text.contains("What each side said"))
        check("events", s)
    }

    @Test func timeline() {
        let s = Fixture.press(Fixture.state(), "5t")
        let text = Fixture.frame(s)
        #expect(text.contains("2021-03 ┼─"))
        #expect(text.contains("◀ before"))
        #expect(text.contains("◀ followed up by"))
        check("timeline", s)
    }

    @Test func search() {
        let s = Fixture.press(Fixture.state(), "1/disarm")
        let text = Fixture.frame(s)
        #expect(text.contains("/disarm"))
        check("search", s)
    }

    @Test func help() {
        let s = Fixture.press(Fixture.state(), "?")
        let text = Fixture.frame(s)
        for b in KeyMap.bindings { #expect(text.contains(b.help)) }
        check("help", s)
    }

    @Test func tooSmall() {
        let s = Fixture.state(30, 8)
        let text = Fixture.frame(s)
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("30x8, need 40x10"))
        check("too-small", s)
        #expect(Fixture.frame(Fixture.state(1, 1)) == "…")
    }

    @Test func monochromeStylesStayDistinct() {
        let mono = Palette(color: false)
        #expect(mono.style(.selectedRow).reverse)
        #expect(mono.style(.quote) != mono.style(.text))
        #expect(mono.style(.selectedRow).fg == nil && mono.style(.selectedRow).bg == nil)
        for role in [Role.quote, .match, .speaker(1), .status] { #expect(mono.style(role).fg == nil) }
    }
}

@Suite struct DocsTests {
    @Test func readerDocHasTheKeyTableOfTheKeyMap() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/READER.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        #expect(doc.contains(KeyMap.markdown), "docs/READER.md: paste the output of `briefing read --keys`")
    }
}

@Suite struct ReplayTests {
    @Test func aSessionOnTheMemoryScreen() {
        var screen = MemoryScreen(size: Size(width: 100, height: 30))
        let keys: [Key] = [
            .char("5"), .enter, .enter, .char("h"), .char("t"), .char("?"), .escape, .char("q"), .char("j"),
        ]
        let end = Reader.replay(keys, from: Fixture.state(100, 30), on: &screen)
        #expect(end.quit)
        #expect(screen.frames.count == 9)  // the first frame and one per key up to q
        #expect(
            screen.frames[2].line(1).hasSuffix("Geneva talks") || screen.frames[2].line(1).contains("│  Geneva talks"))
        #expect(screen.frames[3].line(1).contains("│  Oslo summit"))
        #expect(screen.frames[4].line(1).contains("│  Geneva talks"))
        #expect(screen.frames[5].text.contains("◀ before"))
        #expect(screen.frames[6].text.contains("Keys (any key closes)"))
        #expect(!screen.frames[7].text.contains("Keys (any key closes)"))
    }
}

@Suite struct EmptyCorpusTests {
    @Test func everyKeyWorksOnAnEmptyCorpus() {
        let index = CorpusIndex(Corpus())
        var s = AppState(index: index, size: Size(width: 80, height: 24), searcher: SubstringSearch(index))
        let keys: [Key] = [
            .char("j"), .char("k"), .char("G"), .char("g"), .enter, .char("]"), .char("["), .char("t"), .pageDown,
            .ctrl("d"), .char("/"), .char("x"), .enter, .char("n"), .char("N"), .escape, .tab, .backTab,
            .char("h"), .char("L"), .mouse(MouseEvent(.click, row: 3, col: 3)),
            .mouse(MouseEvent(.wheelDown, row: 3, col: 60)),
        ]
        for pane in "12345" {
            s = Fixture.press(s, String(pane))
            for k in keys {
                s = Fixture.press(s, [k])
                _ = FrameRenderer.render(s)
            }
        }
        s = Fixture.press(s, "1")
        #expect(Fixture.frame(s).contains("(no articles)"))
        #expect(Fixture.frame(s).contains("0 articles"))
    }
}
