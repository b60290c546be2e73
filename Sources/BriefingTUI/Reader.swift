import BriefingModel
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the interactive reader on a corpus until the user quits; returns the exit status.
public enum Reader {
    public static func run(corpus: Corpus) -> Int32 {
        setUTF8Locale()
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        Signals.install()
        let screen: NcursesScreen
        do {
            screen = try NcursesScreen(noColor: noColor)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            return 1
        }
        defer { screen.close() }
        var state = startState(corpus: corpus, size: screen.size)
        StageTrace.mark("reader: index built")
        // The first frame shows one list; the search is built meanwhile on another thread and arrives as an action.
        // Its temporary arrays are given back as it goes: large ones mapped on their own, small ones' free pages
        // trimmed after each stage (together 27 MiB of the warm reader's peak on 20,000 articles).
        let mailbox = Mailbox()
        let index = state.index
        Thread.detachNewThread {
            MemoryPolicy.returnLargeBlocks()
            index.prepare()
            HeapTrim.release()
            let search = IndexedSearch(index)
            HeapTrim.release()
            mailbox.post(SearchEngine(search))
        }
        var dirty = true
        var drawn = false
        while !state.quit {
            let sig = Signals.pending.load(ordering: .relaxed)
            if sig != 0 {
                screen.close()
                return 128 + sig
            }
            if let engine = mailbox.take() {
                StageTrace.mark("reader: search ready")
                state = Reducer.update(state, .searchReady(engine))
                if state.search.editing { state.searcher.prepare(state.search.pane) }
                dirty = true
            }
            // Keys already typed are taken before drawing, so a burst of keys costs one frame; when none are
            // waiting the frame is drawn and the loop waits (briefly, to notice signals).
            guard let key = screen.readKey(waitMilliseconds: dirty ? 0 : 100) else {
                if dirty {
                    screen.present(FrameRenderer.render(state))
                    dirty = false
                    if !drawn {
                        drawn = true
                        StageTrace.mark("reader: first frame drawn")
                    }
                }
                continue
            }
            if case .resize = key { dirty = true }
            guard let action = KeyMap.action(for: key, in: state) else { continue }
            state = Reducer.update(state, action)
            // The list's search rows are folded while the first character is being typed.
            if case .startSearch = action { state.searcher.prepare(state.search.pane) }
            dirty = true
        }
        return 0
    }

    /// The state of the first frame: the index built, the search still pending (`searchReady` delivers it).
    public static func startState(corpus: Corpus, size: Size) -> AppState {
        AppState(index: CorpusIndex(corpus), size: size, searcher: PendingSearch())
    }

    /// Plays keys against a screen without a terminal: each key goes through the key map and the reducer and
    /// the next frame is presented, as in the run loop. Returns the final state.
    public static func replay<S: Screen>(_ keys: [Key], from state: AppState, on screen: inout S) -> AppState {
        var state = state
        screen.present(FrameRenderer.render(state))
        for key in keys where !state.quit {
            guard let action = KeyMap.action(for: key, in: state) else { continue }
            state = Reducer.update(state, action)
            screen.present(FrameRenderer.render(state))
        }
        return state
    }

    /// The key table in Markdown, as `docs/READER.md` shows it.
    public static var keyTable: String { KeyMap.markdown }

    /// Uses the environment's locale, falling back to C.UTF-8 when it is not UTF-8.
    static func setUTF8Locale() {
        _ = setlocale(LC_ALL, "")
        if !isUTF8() {
            if setlocale(LC_ALL, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        }
    }

    private static func isUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

/// Hands one value from a background thread to the run loop.
final class Mailbox: Sendable {
    private let slot = Mutex<SearchEngine?>(nil)

    func post(_ engine: SearchEngine) { slot.withLock { $0 = engine } }
    func take() -> SearchEngine? {
        slot.withLock { v in
            defer { v = nil }
            return v
        }
    }
}
