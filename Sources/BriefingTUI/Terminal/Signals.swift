import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Signal handling: SIGINT/SIGTERM/SIGHUP end the loop cleanly; fatal signals restore the terminal, then die.
enum Signals {
    /// The last terminating signal received, 0 when none.
    static let pending = Atomic<Int32>(0)

    /// Installs the handlers; call before curses starts so curses keeps its own SIGTSTP/SIGWINCH handling.
    static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in Signals.pending.store(s, ordering: .relaxed) }
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(sig) { s in
                EmergencyRestore.run()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }
}

/// What a fatal signal handler may do safely: put the saved terminal modes back and leave the alternate screen.
enum EmergencyRestore {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var armed = false

    /// Saves the terminal modes before curses changes them.
    static func arm() {
        if tcgetattr(STDIN_FILENO, &saved) == 0 { armed = true }
    }

    /// Async-signal-safe restore: tcsetattr and write only.
    static func run() {
        guard armed else { return }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        let reset: StaticString = "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1006l\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    }
}
