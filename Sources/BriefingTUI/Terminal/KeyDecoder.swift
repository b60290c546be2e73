import CNcursesw

/// Turns what `wget_wch` returns into keys (curses constants only, no curses calls).
enum KeyDecoder {
    /// A character code (`isFunctionKey` false) or a curses key code.
    static func decode(_ code: UInt32, isFunctionKey: Bool) -> Key? {
        if isFunctionKey {
            switch Int32(truncatingIfNeeded: code) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME, KEY_A1: return .home
            case KEY_END, KEY_C1: return .end
            case KEY_PPAGE, KEY_A3: return .pageUp
            case KEY_NPAGE, KEY_C3: return .pageDown
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE, KEY_DC: return .backspace
            case KEY_ENTER: return .enter
            default: return nil
            }
        }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            return .ctrl(Character(scalar))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}
