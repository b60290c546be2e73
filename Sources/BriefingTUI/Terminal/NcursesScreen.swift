import CNcursesw

#if canImport(Glibc)
    import Glibc
#endif

/// Why the terminal could not be used; the terminal is left untouched in every case.
enum TerminalError: Error, CustomStringConvertible {
    case unknown(String)
    case dumb(String)
    case initFailed(String)

    var description: String {
        switch self {
        case .unknown(let term):
            return
                "briefing: the terminal type '\(term)' is unknown to terminfo; set TERM to one your terminal supports (for example TERM=xterm-256color), or use the plain subcommands (briefing extract|speakers|quotes|agenda|events)"
        case .dumb(let term):
            return
                "briefing: the terminal type '\(term)' cannot move the cursor, which the reader needs; use a full terminal (TERM=xterm-256color) or the plain subcommands (briefing extract|speakers|quotes|agenda|events)"
        case .initFailed(let term):
            return "briefing: cannot start the terminal ('\(term)'); use the plain subcommands instead"
        }
    }
}

/// The curses screen: the only place that calls curses. Used from one thread only (it is not Sendable).
final class NcursesScreen: Screen {
    private var screen: OpaquePointer?
    private var closed = false
    private let palette: Palette
    private var pairs: [Style: Int16] = [:]
    private var nextPair: Int16 = 1

    /// Checks $TERM without touching the terminal, then starts curses.
    init(noColor: Bool) throws(TerminalError) {
        let term = getenv("TERM").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "(unset)"
        switch briefing_check_terminal() {
        case -1: throw .unknown(term)
        case 0: throw .dumb(term)
        default: break
        }
        if term == "dumb" { throw .dumb(term) }
        EmergencyRestore.arm()
        guard let out = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let s = newterm(nil, out, input)
        else { throw .initFailed(term) }
        screen = s
        _ = set_term(s)
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = intrflush(briefing_stdscr(), false)
        _ = keypad(briefing_stdscr(), true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        _ = mousemask(briefing_mouse_events(), nil)
        _ = mouseinterval(0)
        var color = false
        if !noColor && has_colors() {
            _ = start_color()
            _ = use_default_colors()
            color = briefing_colors() >= 8 && briefing_color_pairs() >= 32
        }
        palette = Palette(color: color)
    }

    deinit { close() }

    var size: Size { Size(width: Int(briefing_cols()), height: Int(briefing_lines())) }

    /// Writes every cell to the virtual screen, then one doupdate: curses sends only what changed.
    func present(_ frame: CellGrid) {
        guard !closed else { return }
        let win = briefing_stdscr()
        let rows = min(frame.height, Int(briefing_lines()))
        let cols = min(frame.width, Int(briefing_cols()))
        var cc = cchar_t()
        var chars = [wchar_t](repeating: 0, count: 6)
        for r in 0..<rows {
            var c = 0
            while c < cols {
                let cell = frame[r, c]
                if cell.width == 0 {
                    c += 1
                    continue
                }
                if cell.width == 2 && c + 1 >= cols { break }
                var n = 0
                for s in cell.char.unicodeScalars where n < 5 {
                    chars[n] = wchar_t(bitPattern: s.value)
                    n += 1
                }
                chars[n] = 0
                let (attr, pair) = curses(palette.style(cell.role))
                _ = setcchar(&cc, chars, attr, pair, nil)
                _ = wmove(win, Int32(r), Int32(c))
                _ = wadd_wch(win, &cc)
                c += max(1, cell.width)
            }
        }
        _ = wnoutrefresh(win)
        _ = doupdate()
    }

    /// Reads one key, waiting at most `waitMilliseconds` (0: only what is already typed); nil on timeout.
    func readKey(waitMilliseconds: Int32) -> Key? {
        guard !closed else { return nil }
        wtimeout(briefing_stdscr(), waitMilliseconds)
        var ch: wint_t = 0
        let r = wget_wch(briefing_stdscr(), &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE: return .resize(size)
            case KEY_MOUSE:
                var ev = MEVENT()
                guard getmouse(&ev) == OK else { return nil }
                let row = Int(ev.y)
                let col = Int(ev.x)
                if briefing_mouse_is_wheel_up(ev.bstate) != 0 {
                    return .mouse(MouseEvent(.wheelUp, row: row, col: col))
                }
                if briefing_mouse_is_wheel_down(ev.bstate) != 0 {
                    return .mouse(MouseEvent(.wheelDown, row: row, col: col))
                }
                if briefing_mouse_is_click(ev.bstate) != 0 { return .mouse(MouseEvent(.click, row: row, col: col)) }
                return nil
            default:
                return KeyDecoder.decode(UInt32(ch), isFunctionKey: true)
            }
        }
        return KeyDecoder.decode(UInt32(ch), isFunctionKey: false)
    }

    /// Restores the terminal; safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        _ = mousemask(0, nil)
        _ = curs_set(1)
        _ = endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    private func curses(_ style: Style) -> (attr_t, Int16) {
        var attr = briefing_a_normal()
        if style.bold { attr |= briefing_a_bold() }
        if style.underline { attr |= briefing_a_underline() }
        if style.reverse { attr |= briefing_a_reverse() }
        if style.dim { attr |= briefing_a_dim() }
        guard palette.color, style.fg != nil || style.bg != nil else { return (attr, 0) }
        let key = Style(fg: style.fg, bg: style.bg)
        if let p = pairs[key] { return (attr, p) }
        guard nextPair < Int16(clamping: briefing_color_pairs()) else { return (attr, 0) }
        let p = nextPair
        nextPair += 1
        _ = init_pair(p, style.fg?.rawValue ?? -1, style.bg?.rawValue ?? -1)
        pairs[key] = p
        return (attr, p)
    }
}
