/// One line of the key map: the keys, what they do, and the help text (the help overlay and docs are made from it).
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    public var help: String
}

/// The reader's keys. Tab and Ctrl-I are the same byte in a terminal, so Tab switches panes and L goes forward.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("j"), .down], action: .down, help: "move down (in the text: next link or line)"),
        KeyBinding(keys: [.char("k"), .up], action: .up, help: "move up"),
        KeyBinding(keys: [.char("g"), .home], action: .top, help: "go to the top"),
        KeyBinding(keys: [.char("G"), .end], action: .bottom, help: "go to the bottom"),
        KeyBinding(keys: [.pageDown, .char(" ")], action: .pageDown, help: "page down"),
        KeyBinding(keys: [.pageUp], action: .pageUp, help: "page up"),
        KeyBinding(keys: [.ctrl("d")], action: .halfDown, help: "half a page down"),
        KeyBinding(keys: [.ctrl("u")], action: .halfUp, help: "half a page up"),
        KeyBinding(keys: [.tab], action: .nextPane, help: "next pane"),
        KeyBinding(keys: [.backTab], action: .previousPane, help: "previous pane"),
        KeyBinding(keys: [.char("1")], action: .showPane(.articles), help: "Articles"),
        KeyBinding(keys: [.char("2")], action: .showPane(.speakers), help: "Speakers"),
        KeyBinding(keys: [.char("3")], action: .showPane(.quotes), help: "Quotes"),
        KeyBinding(keys: [.char("4")], action: .showPane(.agenda), help: "Agenda"),
        KeyBinding(keys: [.char("5")], action: .showPane(.events), help: "Events"),
        KeyBinding(keys: [.enter, .char("l"), .right], action: .open, help: "open the item, or follow the link"),
        KeyBinding(keys: [.backspace, .char("h"), .left, .ctrl("o")], action: .back, help: "go back"),
        KeyBinding(keys: [.char("L")], action: .forward, help: "go forward (Ctrl-I is Tab in terminals)"),
        KeyBinding(keys: [.char("]")], action: .nextEvent, help: "next event in time"),
        KeyBinding(keys: [.char("[")], action: .previousEvent, help: "previous event in time"),
        KeyBinding(keys: [.char("t")], action: .toggleTimeline, help: "timeline of all events"),
        KeyBinding(keys: [.char("/")], action: .startSearch, help: "search this list (narrows as you type)"),
        KeyBinding(keys: [.char("n")], action: .nextMatch, help: "next match"),
        KeyBinding(keys: [.char("N")], action: .previousMatch, help: "previous match"),
        KeyBinding(keys: [.escape], action: .cancel, help: "cancel search, close, leave the text"),
        KeyBinding(keys: [.char("?")], action: .help, help: "this help"),
        KeyBinding(keys: [.char("q")], action: .quit, help: "quit"),
    ]

    private static let table: [Key: Action] = {
        var t: [Key: Action] = [:]
        for b in bindings { for k in b.keys where t[k] == nil { t[k] = b.action } }
        return t
    }()

    /// The action a key asks for in a state (search typing and the help overlay take keys first).
    public static func action(for key: Key, in state: AppState) -> Action? {
        switch key {
        case .resize(let size): return .resize(size)
        case .mouse(let m):
            switch m.kind {
            case .click: return .click(row: m.row, col: m.col)
            case .wheelUp: return .wheel(delta: -3, row: m.row, col: m.col)
            case .wheelDown: return .wheel(delta: 3, row: m.row, col: m.col)
            }
        default: break
        }
        if state.overlay == .help {
            return key == .char("q") ? .quit : .cancel
        }
        if state.search.editing {
            switch key {
            case .char(let c): return .searchInput(c)
            case .backspace: return .searchErase
            case .enter: return .searchAccept
            case .escape, .ctrl("c"): return .cancel
            case .up: return .up
            case .down: return .down
            default: return nil
            }
        }
        return table[key]
    }

    /// The key table as Markdown rows (`| keys | what it does |`), for docs/READER.md.
    public static var markdown: String {
        var out = "| Keys | What they do |\n| --- | --- |\n"
        for b in bindings {
            let keys = b.keys.map { "`\($0.label == "|" ? "\\|" : $0.label)`" }.joined(separator: " ")
            out += "| \(keys) | \(b.help) |\n"
        }
        out += "| mouse wheel, click | scroll; select a row, tab or link (click again to open) |\n"
        return out
    }
}
