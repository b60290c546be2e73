import BriefingModel
import BriefingTUI
import Foundation

/// What the reader does before its first frame, into an in-memory screen instead of the terminal.
public enum ReaderStart {
    public static let size = Size(width: 120, height: 40)

    /// Opens the corpus (through `cache` when given), builds the reader's index and state, renders one frame.
    public static func firstFrame(folder: String, resources: Resources, cache: CorpusCache?) async -> AppState {
        do {
            let opened = try await Briefing.open(paths: [folder], resources: resources, cache: cache)
            return firstFrame(corpus: opened.corpus)
        } catch {
            fatalError("reader start: \(error)")
        }
    }

    /// The reader's part alone: index, state with the search pending, first frame (as `Reader.run` draws it).
    public static func firstFrame(corpus: Corpus) -> AppState {
        let state = Reader.startState(corpus: corpus, size: size)
        var screen = MemoryScreen(size: size)
        screen.present(FrameRenderer.render(state))
        return state
    }

    /// What the reader's second thread does after the first frame: the deferred index parts, then the search,
    /// delivered as the reducer's action.
    public static func searchReady(_ state: AppState) -> AppState {
        state.index.prepare()
        return Reducer.update(state, .searchReady(SearchEngine(IndexedSearch(state.index))))
    }

    /// The state after the key for `iteration` of a cycle through `keys`.
    public static func press(_ state: AppState, _ keys: [Key], iteration: Int) -> AppState {
        guard let action = KeyMap.action(for: keys[iteration % keys.count], in: state) else { return state }
        return Reducer.update(state, action)
    }

    /// The Speakers list with the speaker quoted most selected.
    public static func onMostQuotedSpeaker(_ state: AppState) -> AppState {
        var state = Reducer.update(state, .showPane(.speakers))
        var counts: [String: Int] = [:]
        for q in state.index.quotes { if let s = q.speaker { counts[s, default: 0] += 1 } }
        let speakers = state.index.speakers
        state.at.row =
            speakers.indices.max { counts[speakers[$0].id, default: 0] < counts[speakers[$1].id, default: 0] } ?? 0
        return state
    }

    /// Keys on a speaker's page: open it, move through its quotes, page, leave, go to the next speaker and back.
    public static let speakerKeys: [Key] = [.enter, .down, .down, .pageDown, .up, .escape, .down, .up]

    /// Keys a reader presses while browsing: move, switch panes, open, go back, page.
    public static let keys: [Key] = [.down, .down, .tab, .down, .enter, .escape, .pageDown, .backTab, .up, .char("j")]
}
