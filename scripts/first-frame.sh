#!/usr/bin/env bash
# Times the reader's first frame the way a person sees it: the real binary in a 120x40 tmux pane, from launch
# until the status line ("N articles · …") is on screen; then opens the search (`/`) and waits until the search is
# ready (the command line stops saying "preparing the search"), quits, and reports the peak memory of the whole run,
# the search's structures included.
# Usage: scripts/first-frame.sh BINARY CACHE_DIR CORPUS… [RUNS]
#   CACHE_DIR is used as XDG_CACHE_HOME (an empty folder gives a cold start, the same folder again a warm one).
# Prints one line per run: "first frame N ms, search ready M ms, peak RSS R MiB, exit status S".
set -u
bin=$1 cache=$2
shift 2
runs=1
if [ $# -gt 1 ] && [[ ${!#} =~ ^[0-9]+$ ]]; then
    runs=${!#}
    set -- "${@:1:$(($# - 1))}"
fi
command -v tmux > /dev/null || { echo "first-frame.sh: tmux is not installed" >&2; exit 2; }
mkdir -p "$cache"
tmp=$(mktemp -d)
trap 'tmux kill-session -t ff$$ 2> /dev/null; rm -rf "$tmp"' EXIT
# Polls the pane every 10 ms, at most $2 times, until it shows $1; fails when it never does or when the session
# (or the tmux server) is gone, rather than waiting out the limit.
wait_for() {
    for _ in $(seq 1 "$2"); do
        tmux capture-pane -p -t ff$$ 2> /dev/null | grep -qF "$1" && return 0
        tmux has-session -t ff$$ 2> /dev/null || return 1
        sleep 0.01
    done
    return 1
}
for run in $(seq 1 "$runs"); do
    tmux kill-session -t ff$$ 2> /dev/null
    tmux new-session -d -s ff$$ -x 120 -y 40 "sleep 600"
    printf -v cmd 'XDG_CACHE_HOME=%q /usr/bin/time -f %%M -o %q %q' "$cache" "$tmp/rss" "$bin"
    for p in "$@"; do printf -v cmd '%s %q' "$cmd" "$p"; done
    tmux respawn-pane -k -t ff$$ "$cmd; echo \$? > $tmp/status; sleep 600"
    t0=$(date +%s%N)
    shown=0
    # Up to 30 minutes (a cold start on a large corpus runs the whole extraction).
    wait_for "articles ·" 180000 && shown=1
    ms=$((($(date +%s%N) - t0) / 1000000))
    ready=0
    if [ $shown = 1 ]; then
        tmux send-keys -t ff$$ /
        wait_for "type to filter" 60000 && ready=1
        search=$((($(date +%s%N) - t0) / 1000000))
        tmux send-keys -t ff$$ Escape
        sleep 0.5
    fi
    tmux send-keys -t ff$$ q
    for _ in $(seq 1 500); do [ -s "$tmp/status" ] && break; sleep 0.02; done
    rss=$(($(cat "$tmp/rss" 2> /dev/null || echo 0) / 1024))
    if [ $shown = 1 ]; then
        if [ $ready = 1 ]; then ready="search ready $search ms"; else ready="search not ready after $search ms"; fi
        echo "run $run: first frame $ms ms, $ready, peak RSS $rss MiB, exit status $(cat "$tmp/status" 2> /dev/null)"
    else
        echo "run $run: no first frame after $ms ms" >&2
        tmux capture-pane -p -t ff$$ >&2
        exit 1
    fi
    rm -f "$tmp/status" "$tmp/rss"
done
