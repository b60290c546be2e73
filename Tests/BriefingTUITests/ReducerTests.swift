import Foundation
import Testing

@testable import BriefingTUI

@Suite struct ReducerTests {
    let start = Fixture.state()

    @Test func listOrdersAreByDate() {
        #expect(Fixture.index.articles.map(\.id) == ["a1", "a2"])
        #expect(Fixture.index.events.map(\.id) == ["geneva", "oslo", "oslo2"])
        #expect(Fixture.index.quotes.map(\.id) == ["q1", "q2", "q3"])
    }

    @Test func jAndKMoveTheSelection() {
        var s = Fixture.press(start, [.char("3")])
        s = Fixture.press(s, "j")
        #expect(s.at.row == 1)
        s = Fixture.press(s, [.down, .down, .down])
        #expect(s.at.row == 2)
        s = Fixture.press(s, "k")
        #expect(s.at.row == 1)
        s = Fixture.press(s, [.up, .up])
        #expect(s.at.row == 0)
    }

    @Test func gAndGGoToTheEnds() {
        var s = Fixture.press(start, "3G")
        #expect(s.at.row == 2)
        s = Fixture.press(s, "g")
        #expect(s.at.row == 0)
        s = Fixture.press(s, [.end])
        #expect(s.at.row == 2)
        s = Fixture.press(s, [.home])
        #expect(s.at.row == 0)
    }

    @Test func pagingMovesByAPageInTheList() {
        var s = Fixture.press(start, "3")
        s = Fixture.press(s, [.pageDown])
        #expect(s.at.row == 2)
        s = Fixture.press(s, [.pageUp])
        #expect(s.at.row == 0)
        s = Fixture.press(s, [.char(" ")])
        #expect(s.at.row == 2)
        s = Fixture.press(s, [.ctrl("u")])
        #expect(s.at.row == 0)
        s = Fixture.press(s, [.ctrl("d")])
        #expect(s.at.row == 2)
    }

    @Test func pagingScrollsTheText() {
        var s = Fixture.state(60, 12)
        s = Fixture.press(s, [.enter])
        #expect(s.at.focus == .detail)
        s = Fixture.press(s, [.ctrl("d")])
        #expect(s.at.detailScroll > 0)
        s = Fixture.press(s, [.ctrl("u")])
        #expect(s.at.detailScroll == 0)
        s = Fixture.press(s, [.pageDown])
        #expect(s.at.detailScroll > 0)
        s = Fixture.press(s, "g")
        #expect(s.at.detailScroll == 0 && s.at.cursor == 0)
        s = Fixture.press(s, "G")
        #expect(s.at.cursor == s.detailLayout.stops.count - 1)
    }

    @Test func tabAndNumbersSwitchPanes() {
        var s = Fixture.press(start, [.tab])
        #expect(s.at.pane == .speakers)
        s = Fixture.press(s, [.backTab, .backTab])
        #expect(s.at.pane == .events)
        let reading = Fixture.press(start, [.enter, .char("j")])
        let switched = Fixture.press(reading, "4")
        #expect(switched.at.cursor == nil && switched.at.detailScroll == 0 && switched.at.focus == .list)
        #expect(Fixture.press(switched, "h").at == reading.at)
        for (key, pane) in zip("12345", Pane.allCases) {
            #expect(Fixture.press(start, String(key)).at.pane == pane)
        }
    }

    @Test func eachPaneKeepsItsOwnSelection() {
        var s = Fixture.press(start, "3jj1")
        #expect(s.at.row == 0)
        s = Fixture.press(s, "3")
        #expect(s.at.row == 2)
    }

    @Test func enterOpensAndBackReturns() {
        var s = Fixture.press(start, "5")
        s = Fixture.press(s, [.enter])
        #expect(s.at.focus == .detail)
        #expect(s.at.cursor == 0)
        s = Fixture.press(s, [.backspace])
        #expect(s.at.focus == .list && s.at.pane == .events)
        s = Fixture.press(s, "h")
        #expect(s.at.pane == .articles)
        #expect(s.history.back.isEmpty)
        s = Fixture.press(s, "h")
        #expect(s.message == "Nothing to go back to")
    }

    @Test func relatedEventsAreFollowedAndBackRestoresEverything() {
        // Geneva talks: its first link is the related Oslo summit.
        var s = Fixture.press(start, "5")
        s = Fixture.press(s, [.enter])
        let layout = s.detailLayout
        #expect(layout.doc.blocks[layout.stops[0]].link == .event("oslo"))
        let before = s.at
        s = Fixture.press(s, [.enter])
        #expect(s.at.pane == .events)
        #expect(Fixture.index.events[s.at.row].id == "oslo")
        s = Fixture.press(s, [.ctrl("o")])
        #expect(s.at == before)
        s = Fixture.press(s, "L")
        #expect(Fixture.index.events[s.at.row].id == "oslo")
        s = Fixture.press(s, [.left])
        #expect(s.at == before)
    }

    @Test func quoteOpensItsParagraph() {
        var s = Fixture.press(start, "3jj")
        s = Fixture.press(s, [.enter])
        #expect(s.at.pane == .articles)
        #expect(Fixture.index.articles[s.at.row].id == "a2")
        let layout = s.detailLayout
        let block = s.at.cursor.map { layout.doc.blocks[layout.stops[$0]] }
        #expect(block?.link == .paragraph("a2", 1))
        s = Fixture.press(s, "h")
        #expect(s.at.pane == .quotes && s.at.row == 2)
    }

    @Test func paragraphLeadsToItsEvents() {
        var s = Fixture.press(start, [.enter])  // article a1, first paragraph
        #expect(s.at.cursor == 0)
        s = Fixture.press(s, [.enter])
        #expect(s.at.pane == .events)
        #expect(Fixture.index.events[s.at.row].id == "geneva")
    }

    @Test func speakerLeadsToTheirQuotes() {
        var s = Fixture.press(start, "2")
        let velde = Fixture.index.speakers.firstIndex { $0.id == "velde" } ?? -1
        s.at.row = velde
        s = Fixture.press(s, [.enter, .enter])
        #expect(s.at.pane == .quotes)
        #expect(Fixture.index.quotes[s.at.row].id == "q1")
    }

    @Test func bracketsStepThroughEventsInTime() {
        var s = Fixture.press(start, "5")
        s = Fixture.press(s, "]")
        #expect(Fixture.index.events[s.at.row].id == "oslo")
        s = Fixture.press(s, "]")
        #expect(Fixture.index.events[s.at.row].id == "oslo2")
        s = Fixture.press(s, "]")
        #expect(s.message == "No later event")
        s = Fixture.press(s, "[[")
        #expect(Fixture.index.events[s.at.row].id == "geneva")
        s = Fixture.press(s, "h")
        #expect(Fixture.index.events[s.at.row].id == "oslo")
    }

    @Test func bracketFromAQuoteGoesToItsEvent() {
        var s = Fixture.press(start, "3jj")  // q3, about the Oslo summit
        s = Fixture.press(s, "]")
        #expect(s.at.pane == .events)
        #expect(Fixture.index.events[s.at.row].id == "oslo")
        s = Fixture.press(s, "1")
        s = Fixture.press(s, [.enter])  // cursor on the Geneva paragraph
        s = Fixture.press(s, "[")
        #expect(Fixture.index.events[s.at.row].id == "geneva")
    }

    @Test func searchNarrowsAsYouTypeAndStepsThroughMatches() {
        var s = Fixture.press(start, "3/")
        #expect(s.search.editing)
        s = Fixture.press(s, "NEVER")
        #expect(s.search.matches == [2])
        #expect(s.visibleRows.count == 1)
        s = Fixture.press(s, [.backspace, .backspace, .backspace, .backspace, .backspace])
        #expect(s.visibleRows.count == 3)
        s = Fixture.press(s, "u")
        #expect(s.search.matches == [0, 2])
        s = Fixture.press(s, [.enter])
        #expect(!s.search.editing)
        #expect(s.at.row == 0)
        s = Fixture.press(s, "n")
        #expect(s.at.row == 2)
        #expect(s.message == "Match 2/2 for “u”")
        s = Fixture.press(s, "n")
        #expect(s.at.row == 0)
        s = Fixture.press(s, "N")
        #expect(s.at.row == 2)
        s = Fixture.press(s, [.escape])
        #expect(!s.search.isActive)
        #expect(s.at.row == 2)
    }

    @Test func escapeWhileTypingRestoresTheSelection() {
        var s = Fixture.press(start, "3j/never")
        #expect(s.at.row == 2)
        s = Fixture.press(s, [.escape])
        #expect(s.at.row == 1)
        #expect(!s.search.isActive)
    }

    @Test func searchFoldsCaseAndDiacritics() {
        let s = Fixture.press(start, "2/VELDÉ")
        #expect(s.search.matches.map { Fixture.index.speakers[$0].id } == ["velde"])
    }

    @Test func helpOverlayOpensAndAnyKeyClosesIt() {
        var s = Fixture.press(start, "?")
        #expect(s.overlay == .help)
        s = Fixture.press(s, "j")
        #expect(s.overlay == .none)
        #expect(s.at.row == 0)
        s = Fixture.press(s, "?q")
        #expect(s.quit)
    }

    @Test func qQuits() {
        #expect(Fixture.press(start, "q").quit)
    }

    @Test func timelineToggles() {
        var s = Fixture.press(start, "t")
        #expect(s.at.pane == .events && s.at.timeline)
        s = Fixture.press(s, "j")
        #expect(s.at.row == 1)
        s = Fixture.press(s, [.enter])
        #expect(!s.at.timeline && s.at.focus == .detail)
        s = Fixture.press(s, "h")
        #expect(s.at.timeline)
        s = Fixture.press(s, "t")
        #expect(!s.at.timeline)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var s = Fixture.press(start, "3G")
        s = Fixture.press(s, [.resize(Size(width: 50, height: 10))])
        #expect(s.size == Size(width: 50, height: 10))
        #expect(s.at.row == 2)
        s = Fixture.press(s, [.resize(Size(width: 1, height: 1))])
        #expect(s.geometry.tooSmall)
        s = Fixture.press(s, [.resize(Size(width: 120, height: 40))])
        #expect(!s.geometry.tooSmall)
    }

    @Test func mouseClicksAndWheel() {
        let g = start.geometry
        var s = Fixture.press(start, [.mouse(MouseEvent(.click, row: 0, col: g.tabs[2].range.lowerBound + 1))])
        #expect(s.at.pane == .quotes)
        s = Fixture.press(s, [.mouse(MouseEvent(.click, row: g.bodyTop + 1, col: 2))])
        #expect(s.at.row == 1)
        s = Fixture.press(s, [.mouse(MouseEvent(.wheelDown, row: g.bodyTop, col: 2))])
        #expect(s.at.row == 2)
        s = Fixture.press(s, [.mouse(MouseEvent(.wheelUp, row: g.bodyTop, col: 2))])
        #expect(s.at.row == 0)
        // Click on the speaker link of the quote's detail, then again to follow it.
        let layout = s.detailLayout
        let line = layout.range(ofStop: 0)?.lowerBound ?? 0
        s = Fixture.press(s, [.mouse(MouseEvent(.click, row: g.bodyTop + line, col: g.textX + 1))])
        #expect(s.at.focus == .detail && s.at.cursor == 0)
        s = Fixture.press(s, [.mouse(MouseEvent(.click, row: g.bodyTop + line, col: g.textX + 1))])
        #expect(s.at.pane == .speakers)
    }

    @Test func everyBoundKeyMapsToItsAction() {
        for b in KeyMap.bindings {
            for k in b.keys { #expect(KeyMap.action(for: k, in: start) == b.action) }
        }
    }

    @Test func unboundKeysDoNothing() {
        #expect(KeyMap.action(for: .char("z"), in: start) == nil)
        #expect(KeyMap.action(for: .ctrl("x"), in: start) == nil)
    }

    @Test func detailCursorReadsThroughLongText() {
        var s = Fixture.state(60, 12)
        s = Fixture.press(s, [.enter])
        var seen: Set<Int> = [s.at.cursor ?? -1]
        for _ in 0..<40 {
            s = Fixture.press(s, "j")
            if let c = s.at.cursor { seen.insert(c) }
        }
        #expect(seen.count == s.detailLayout.stops.count)
        for _ in 0..<60 { s = Fixture.press(s, "k") }
        #expect(s.at.cursor == 0 && s.at.detailScroll == 0)
    }
}

@Suite struct HistoryTests {
    @Test func backAndForwardRestoreSelectionAndScroll() {
        var s = Fixture.state(60, 12)
        s = Fixture.press(s, "3j")
        s = Fixture.press(s, [.enter])  // quote q2 -> article a1, paragraph 3
        let inArticle = s.at
        #expect(inArticle.pane == .articles)
        s = Fixture.press(s, [.ctrl("d")])
        let scrolled = s.at
        s = Fixture.press(s, "5G")
        s = Fixture.press(s, [.enter, .enter])  // open oslo2 detail, follow to Geneva
        #expect(Fixture.index.events[s.at.row].id == "geneva")
        s = Fixture.press(s, "h")
        #expect(Fixture.index.events[s.at.row].id == "oslo2" && s.at.focus == .detail)
        s = Fixture.press(s, "h")
        #expect(s.at.focus == .list && s.at.pane == .events)
        s = Fixture.press(s, "5")
        s = Fixture.press(s, [.backspace])
        #expect(s.at == scrolled)
        #expect(s.at.detailScroll == scrolled.detailScroll)
        s = Fixture.press(s, "h")
        #expect(s.at.pane == .quotes && s.at.row == 1)
        s = Fixture.press(s, "L")
        #expect(s.at == scrolled)
        s = Fixture.press(s, "L")
        #expect(Fixture.index.events[s.at.row].id == "oslo2")
    }

    @Test func aNewJumpDropsTheForwardStack() {
        var h = History()
        var a = Location()
        a.pane = .quotes
        var b = Location()
        b.pane = .events
        h.push(a)
        _ = h.goBack(from: b)
        #expect(h.forward.count == 1)
        h.push(a)
        #expect(h.forward.isEmpty)
    }
}

@Suite struct IndexedSearchTests {
    let search = IndexedSearch(Fixture.index)

    @Test func quotesUseTheSearchIndexWithThePartWordAsAPrefix() {
        #expect(search.matches("clos", in: .quotes) == [2])
        #expect(search.matches("never closer", in: .quotes) == [2])
        #expect(search.matches("speaker:velde", in: .quotes) == [0, 1])
    }

    @Test func unfinishedQueriesAndOtherListsFallBackToSubstrings() {
        #expect(search.matches("ever", in: .quotes) == [2])  // inside a word: only the substring filter finds it
        #expect(search.matches("speaker:", in: .quotes).isEmpty)
        #expect(search.matches("oslo", in: .events).map { Fixture.index.events[$0].id } == ["oslo"])
    }

    @Test func aSearchBuiltAfterTheFirstFrameArrivesAsAnActionAndServesTheQueryTypedMeanwhile() {
        var s = AppState(index: Fixture.index, size: Size(width: 120, height: 40), searcher: PendingSearch())
        #expect(!s.searchReady)
        s = Fixture.press(s, "3/speaker:brandt")
        #expect(s.search.matches.isEmpty)
        #expect(Fixture.frame(s).contains("preparing the search"))
        s = Reducer.update(s, .searchReady(SearchEngine(IndexedSearch(Fixture.index))))
        #expect(s.searchReady)
        #expect(s.search.editing)
        #expect(s.search.matches == [2])
        #expect(s.at.row == 2)
        #expect(Fixture.frame(s).contains("1 match"))
    }

    /// A list's folded rows are built when it is first searched, or when `prepare` (the reader calls it as `/`
    /// opens the search) has them folded on another thread; the matches are the same either way.
    @Test func eachListsRowsAreFoldedOnFirstUseOrWhenPrepared() throws {
        let lazy = SubstringSearch(Fixture.index)
        for pane in [Pane.speakers, .quotes, .agenda, .events] { #expect(!lazy.isPrepared(pane), "\(pane)") }
        #expect(lazy.matches("negotiator", in: .speakers).map { Fixture.index.speakers[$0].id } == ["velde"])
        #expect(lazy.isPrepared(.speakers))
        #expect(!lazy.isPrepared(.events))
        let prepared = IndexedSearch(Fixture.index)
        prepared.prepare(.events)
        prepared.prepare(.events)
        prepared.prepare(.quotes)
        // Folding these few rows takes microseconds, but under the whole suite's parallel load the new thread has
        // been seen to wait 20-30 s for its first turn.
        let deadline = Date().addingTimeInterval(120)
        while !prepared.isPrepared(.events) && Date() < deadline { usleep(1000) }
        #expect(prepared.isPrepared(.events))
        #expect(!prepared.isPrepared(.speakers))
        #expect(!prepared.isPrepared(.quotes))  // the quote index answers the Quotes list
        #expect(prepared.matches("oslo", in: .events) == lazy.matches("oslo", in: .events))
        #expect(!lazy.matches("oslo", in: .events).isEmpty)
    }

    @Test func theReaderTypesIntoIt() {
        var s = AppState(index: Fixture.index, size: Size(width: 120, height: 40))
        s = Fixture.press(s, "3/speaker:brandt")
        #expect(s.search.matches == [2])
        #expect(s.at.row == 2)
    }
}
