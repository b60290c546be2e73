/// A key press or terminal event, decoded from the terminal (or made up by tests).
public enum Key: Sendable, Hashable {
    /// A printable character.
    case char(Character)
    /// Control plus a lower-case letter (Ctrl-D is `.ctrl("d")`).
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, backspace, tab, backTab
    case resize(Size)
    case mouse(MouseEvent)

    /// How the key is written in the help overlay and docs.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }
}

/// A mouse report: wheel or click at a cell.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    public var row: Int
    public var col: Int

    public init(_ kind: Kind, row: Int, col: Int) {
        self.kind = kind
        self.row = row
        self.col = col
    }
}
