/// Where the reader is: pane, selections and scroll of every list, focus, detail scroll and cursor.
public struct Location: Sendable, Hashable {
    public var pane: Pane = .articles
    /// Selected row of each pane's list (by `Pane.rawValue`).
    public var rows: [Int] = Array(repeating: 0, count: Pane.allCases.count)
    /// First visible row of each pane's list.
    public var listScroll: [Int] = Array(repeating: 0, count: Pane.allCases.count)
    public var focus: Focus = .list
    /// First visible line of the detail pane.
    public var detailScroll = 0
    /// The cursor stop in the detail pane, nil before the detail is entered.
    public var cursor: Int?
    /// Whether the Events pane shows the timeline instead of the event's detail.
    public var timeline = false

    public init() {}

    public var row: Int {
        get { rows[pane.rawValue] }
        set { rows[pane.rawValue] = newValue }
    }

    var scroll: Int {
        get { listScroll[pane.rawValue] }
        set { listScroll[pane.rawValue] = newValue }
    }
}

/// The `/` search: the query, the pane it filters, its matches, and where it started (for Esc).
public struct SearchState: Sendable, Hashable {
    public var editing = false
    public var query = ""
    public var pane: Pane = .articles
    /// Matching rows, in list order.
    public var matches: [Int] = []
    /// Where the search began, restored by Esc while typing.
    public var origin: Location?

    /// True when a non-empty query filters `pane`.
    public var isActive: Bool { !query.isEmpty }
}

/// What covers the screen on top of the panes.
public enum Overlay: Sendable, Hashable {
    case none, help
}

/// The reader's whole state; `Reducer.update` makes the next one from an action.
public struct AppState: Sendable {
    public let index: CorpusIndex
    public internal(set) var searcher: any ReaderSearch
    /// False while the search is still being built after the first frame (`PendingSearch`).
    public internal(set) var searchReady: Bool
    public var size: Size
    public var at = Location()
    public var history = History()
    public var search = SearchState()
    public var overlay = Overlay.none
    /// A one-line message for the command line.
    public var message: String?
    public var quit = false
    /// The detail layout last built, shared by this state's successors.
    let layouts = LayoutMemo()

    public init(index: CorpusIndex, size: Size, searcher: (any ReaderSearch)? = nil) {
        self.index = index
        self.size = size
        let searcher = searcher ?? IndexedSearch(index)
        self.searcher = searcher
        self.searchReady = !(searcher is PendingSearch)
    }

    var geometry: Geometry { Geometry(size) }

    /// The rows the current pane's list shows (all, or the search matches).
    var visibleRows: ListRows { rows(for: at.pane) }

    func rows(for pane: Pane) -> ListRows {
        if search.isActive && search.pane == pane { return .some(search.matches) }
        return .all(index.count(pane))
    }

    /// The query to highlight in text, if any.
    var highlight: String? { search.isActive ? search.query : nil }

    /// The detail pane's doc for the current selection, wrapped to the current width (the search's matches are
    /// marked as it is drawn: `DocLayout.lines(_:query:)`).
    var detailLayout: DocLayout {
        let key = LayoutMemo.Key(pane: at.pane, row: at.row, width: geometry.textWidth)
        return layouts.layout(key) {
            DocLayout(
                DetailBuilder(index: index).doc(pane: at.pane, row: at.row), width: key.width,
                writer: BlockWriter(index: index))
        }
    }
}

/// The rows a list shows: all of them or a subset, without building an array for the common case.
public enum ListRows: Sendable, Hashable {
    case all(Int)
    case some([Int])

    public var count: Int {
        switch self {
        case .all(let n): return n
        case .some(let r): return r.count
        }
    }

    public subscript(position: Int) -> Int {
        switch self {
        case .all: return position
        case .some(let r): return r[position]
        }
    }

    /// The position of an item row in the list, nil when it is filtered out.
    public func position(of row: Int) -> Int? {
        switch self {
        case .all(let n): return row >= 0 && row < n ? row : nil
        case .some(let r): return r.firstIndex(of: row)
        }
    }
}
