/// What the user asked for, independent of the key that asked.
public enum Action: Sendable, Hashable {
    case up, down, top, bottom, pageUp, pageDown, halfUp, halfDown
    case nextPane, previousPane
    case showPane(Pane)
    case open, back, forward
    case startSearch, nextMatch, previousMatch, cancel
    case searchInput(Character)
    case searchErase, searchAccept
    case nextEvent, previousEvent, toggleTimeline
    case help, quit
    case resize(Size)
    case click(row: Int, col: Int)
    case wheel(delta: Int, row: Int, col: Int)
    /// The `/` search, built after the first frame, is ready.
    case searchReady(SearchEngine)
}
