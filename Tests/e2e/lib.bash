# Shared helpers for the tmux end-to-end scripts (sourced, not run).
# Each script runs its own tmux server on a private socket, so it never touches anyone else's sessions.

E2E_SOCKET="briefing-e2e-$$"
E2E_TMP="$(mktemp -d "${TMPDIR:-/tmp}/briefing-e2e.XXXXXX")"
E2E_FAILED=0
E2E_SESSION=""
E2E_SESSIONS=0

t() { tmux -u -L "$E2E_SOCKET" -f /dev/null "$@"; }

cleanup() {
    t kill-server 2>/dev/null || true
    rm -rf "$E2E_TMP"
}
trap cleanup EXIT

pass() { printf 'PASS %s\n' "$1"; }
fail() {
    printf 'FAIL %s\n' "$1"
    if [ -n "${2:-}" ]; then printf '%s\n' "$2" | sed 's/^/    | /'; fi
    E2E_FAILED=1
}
skip() { printf 'SKIP %s\n' "$1"; }

# start_shell WIDTH HEIGHT: a session running a plain shell in the repository root.
# The new session starts before the old one is closed, so the tmux server never runs out of sessions and exits.
start_shell() {
    local old="$E2E_SESSION"
    E2E_SESSIONS=$((E2E_SESSIONS + 1))
    E2E_SESSION="e2e$E2E_SESSIONS"
    t new-session -d -s "$E2E_SESSION" -x "$1" -y "$2" -c "$E2E_ROOT" \
        "env -u TMUX PS1='$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile"
    if [ -n "$old" ]; then t kill-session -t "$old" 2>/dev/null || true; fi
    t set-option -t "$E2E_SESSION" -g status off >/dev/null
    t set-window-option -t "$E2E_SESSION" -g aggressive-resize off >/dev/null 2>&1 || true
    sleep 0.3
}

cap() { t capture-pane -p -t "$E2E_SESSION"; }
cap_escapes() { t capture-pane -p -e -t "$E2E_SESSION"; }
keys() { t send-keys -t "$E2E_SESSION" "$@"; }
literal() { t send-keys -t "$E2E_SESSION" -l "$1"; }
pane_flag() { t display-message -p -t "$E2E_SESSION" "#{$1}"; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT (a fixed string); returns 1 on timeout.
wait_for() {
    local deadline=$((SECONDS + ${2:-5}))
    while [ $SECONDS -le $deadline ]; do
        if cap | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    return 1
}

# wait_status PANE [SECONDS]: until the status line starts with the pane's name.
wait_status() {
    local deadline=$((SECONDS + ${2:-3}))
    while [ $SECONDS -le $deadline ]; do
        if cap | tail -2 | head -1 | grep -q "^ $1 "; then return 0; fi
        sleep 0.05
    done
    return 1
}

# wait_file PATH [SECONDS]
wait_file() {
    local deadline=$((SECONDS + ${2:-5}))
    while [ $SECONDS -le $deadline ]; do
        if [ -s "$1" ]; then return 0; fi
        sleep 0.1
    done
    return 1
}

# launch NAME [ENV…]: records `stty -a`, runs the reader, then records its exit code and `stty -a` again.
launch() {
    local name="$1"
    shift
    rm -f "$E2E_TMP/$name".*
    local envs=""
    for e in "$@"; do envs="$envs $e"; done
    literal "stty -a > $E2E_TMP/$name.before; env$envs $E2E_BIN $E2E_CORPUS 2> $E2E_TMP/$name.err; echo \$? > $E2E_TMP/$name.rc; stty -a > $E2E_TMP/$name.after"
    keys Enter
}

# reader_pid: the reader running in the session's shell.
reader_pid() {
    local shell
    shell="$(t list-panes -t "$E2E_SESSION" -F '#{pane_pid}' | head -1)"
    pgrep -P "$shell" -n
}

# check_restored NAME EXPECTED_RC: exit code, identical stty, alternate screen left, cursor shown, mouse off.
check_restored() {
    local name="$1" want="$2"
    if ! wait_file "$E2E_TMP/$name.after" 8; then
        fail "$name: the reader did not exit" "$(cap | tail -5)"
        return
    fi
    local rc
    rc="$(cat "$E2E_TMP/$name.rc")"
    if [ "$rc" != "$want" ]; then fail "$name: exit code $rc, expected $want" "$(cat "$E2E_TMP/$name.err")"; return; fi
    # The window size may legitimately differ after a resize test; every mode and control character must not.
    sed -E 's/rows [0-9]+; columns [0-9]+;//' "$E2E_TMP/$name.before" > "$E2E_TMP/$name.before.modes"
    sed -E 's/rows [0-9]+; columns [0-9]+;//' "$E2E_TMP/$name.after" > "$E2E_TMP/$name.after.modes"
    if ! diff -q "$E2E_TMP/$name.before.modes" "$E2E_TMP/$name.after.modes" >/dev/null; then
        fail "$name: terminal modes differ after exit" "$(diff "$E2E_TMP/$name.before" "$E2E_TMP/$name.after")"
        return
    fi
    sleep 0.2
    if [ "$(pane_flag alternate_on)" != "0" ]; then fail "$name: still on the alternate screen"; return; fi
    if [ "$(pane_flag cursor_flag)" != "1" ]; then fail "$name: cursor left hidden"; return; fi
    if [ "$(pane_flag mouse_any_flag)" != "0" ]; then fail "$name: mouse reporting left on"; return; fi
    pass "$name: exit $rc, terminal restored (stty -a identical, normal screen, cursor shown, mouse off)"
}

# setup BINARY [CORPUS…]: resolves paths; the corpus defaults to Data/articles through the reader itself.
setup() {
    E2E_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    local bin="${1:-.build/debug/briefing}"
    shift || true
    case "$bin" in /*) E2E_BIN="$bin" ;; *) E2E_BIN="$E2E_ROOT/$bin" ;; esac
    E2E_CORPUS="$*"
    if [ ! -x "$E2E_BIN" ]; then
        echo "FAIL setup: no executable at $E2E_BIN (build first: swift build)"
        exit 1
    fi
    if ! command -v tmux >/dev/null; then
        echo "FAIL setup: tmux is not installed"
        exit 1
    fi
}
