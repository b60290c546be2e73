#!/usr/bin/env bash
# Abuses the real reader in tmux: tiny terminals, rapid resizes, bad TERM values, NO_COLOR, a flood of keys,
# and signals. After each, the terminal must be restored (stty -a identical, normal screen, cursor, mouse off).
# Usage: Tests/e2e/abuse.sh [path/to/briefing] [corpus paths…]
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.bash"
setup "$@"

quit_and_check() { # NAME
    keys q
    check_restored "$1" 0
}

# Tiny terminals: the reader starts, shows what fits, and quits cleanly.
for size in 1x1 20x5; do
    start_shell "${size%x*}" "${size#*x}"
    launch "tiny-$size"
    sleep 1.5
    if [ "$(pane_flag alternate_on)" = 1 ]; then pass "tiny-$size: reader running"; else fail "tiny-$size: reader not running" "$(cat "$E2E_TMP/tiny-$size.err" 2>/dev/null)"; fi
    if [ "$size" = 20x5 ]; then
        if cap | grep -q "too small"; then pass "tiny-$size: too-small message"; else fail "tiny-$size: too-small message" "$(cap)"; fi
    fi
    quit_and_check "tiny-$size"
done

# Rapid resizes, then a normal frame at the final size.
start_shell 120 40
launch resizes
wait_for "1 Articles" 10 || fail "resizes: reader did not start" "$(cap)"
for i in $(seq 1 30); do
    t resize-window -t "$E2E_SESSION" -x $((20 + (i * 37) % 140)) -y $((3 + (i * 11) % 50))
    sleep 0.02
done
t resize-window -t "$E2E_SESSION" -x 100 -y 30
sleep 0.5
if cap | head -1 | grep -q "5 Events" && cap | tail -2 | head -1 | grep -q "?:help"; then pass "resizes: 30 rapid resizes, then a whole frame at 100x30"; else fail "resizes: final frame" "$(cap)"; fi
quit_and_check resizes

# TERM=dumb and an unknown TERM: a message, exit 1, terminal untouched.
start_shell 120 40
launch dumb TERM=dumb
if wait_file "$E2E_TMP/dumb.after" 5 && grep -q "cannot move the cursor" "$E2E_TMP/dumb.err"; then pass "TERM=dumb: $(head -c 90 "$E2E_TMP/dumb.err")…"; else fail "TERM=dumb: message" "$(cat "$E2E_TMP/dumb.err" 2>/dev/null)"; fi
check_restored dumb 1
launch unknown TERM=no-such-terminal-xyz
if wait_file "$E2E_TMP/unknown.after" 5 && grep -q "unknown to terminfo" "$E2E_TMP/unknown.err"; then pass "unknown TERM: $(head -c 90 "$E2E_TMP/unknown.err")…"; else fail "unknown TERM: message" "$(cat "$E2E_TMP/unknown.err" 2>/dev/null)"; fi
check_restored unknown 1

# NO_COLOR: no color escapes on screen (attributes only), and a color run does use colors.
launch color
wait_for "1 Articles" 10
if cap_escapes | grep -Eq $'\e\\[[0-9;]*(3[0-7]|4[0-7])(;[0-9]+)*m'; then pass "color: colors used by default"; else fail "color: no colors in a color terminal"; fi
quit_and_check color
launch nocolor NO_COLOR=1
wait_for "1 Articles" 10
if cap_escapes | grep -Eq $'\e\\[[0-9;]*(3[0-7]|4[0-7])(;[0-9]+)*m'; then fail "NO_COLOR: color escapes on screen" "$(cap_escapes | grep -E $'\e\\[[0-9;]*(3[0-7]|4[0-7])m' | head -3 | cat -v)"; else pass "NO_COLOR: monochrome (no color escapes)"; fi
quit_and_check nocolor

# A first start (an empty cache folder), traced with BRIEFING_TRACE_STAGES and stderr sent to a file: a child
# process (`briefing cache`) parses the articles and writes the cache, and the reader reads the model from it, so
# its own trace has the cache read but no extraction stage; then the index, the first frame and the search.
launch traced XDG_CACHE_HOME="$E2E_TMP/first-start-cache" BRIEFING_TRACE_STAGES=1
wait_for "1 Articles" 20
keys /
wait_for "type to filter" 10
keys Escape
quit_and_check traced
if grep -Eq '^stage +[0-9.]+ s +rss +[0-9]+ KiB +peak +[0-9]+ KiB +reader: index built$' "$E2E_TMP/traced.err" \
    && grep -q 'reader: first frame drawn$' "$E2E_TMP/traced.err" && grep -q 'reader: search ready$' "$E2E_TMP/traced.err"
then
    pass "BRIEFING_TRACE_STAGES: the reader's stages on stderr ($(grep -c '^stage' "$E2E_TMP/traced.err") marks)"
else
    fail "BRIEFING_TRACE_STAGES: reader stages missing" "$(cat "$E2E_TMP/traced.err")"
fi
if grep -q ' cache read$' "$E2E_TMP/traced.err" && ! grep -q 'articles read and extracted' "$E2E_TMP/traced.err" \
    && ls "$E2E_TMP/first-start-cache/briefing/"*.cache >/dev/null 2>&1
then
    pass "first start: the cache built by a child process, the reader's model read from it"
else
    fail "first start: not built in a child process" "$(cat "$E2E_TMP/traced.err"; ls -R "$E2E_TMP/first-start-cache")"
fi

# A flood of keys, about a thousand a second, then the reader still answers.
launch flood
wait_for "1 Articles" 10
pool=(j k g G h l Enter BSpace Tab BTab 1 2 3 4 5 "]" "[" t n N Escape Space C-d C-u C-o L PPage NPage Up Down Left Right Home End)
start=$(date +%s%N)
sent=0
for round in $(seq 1 100); do
    batch=()
    for i in $(seq 1 20); do
        k=$(((round * 31 + i * 17) % ${#pool[@]}))
        batch+=("${pool[$k]}")
    done
    keys "${batch[@]}"
    sent=$((sent + 20))
done
ms=$((($(date +%s%N) - start) / 1000000))
keys Escape Escape
keys "/"
literal "zz"
keys Escape 1
sleep 1
if cap | head -1 | grep -q "1 Articles" && [ "$(pane_flag alternate_on)" = 1 ]; then pass "flood: $sent keys in ${ms} ms ($((sent * 1000 / (ms + 1))) keys/s), still answering"; else fail "flood: reader gone" "$(cap; cat "$E2E_TMP/flood.err")"; fi
quit_and_check flood

# Signals: Ctrl-C (SIGINT from the terminal), SIGTERM, SIGHUP, and SIGTSTP then fg (SIGCONT).
launch sigint
wait_for "1 Articles" 10
keys C-c
check_restored sigint 130

launch sigterm
wait_for "1 Articles" 10
kill -TERM "$(reader_pid)"
check_restored sigterm 143

launch sighup
wait_for "1 Articles" 10
kill -HUP "$(reader_pid)"
check_restored sighup 129

launch sigsegv
wait_for "1 Articles" 10
kill -SEGV "$(reader_pid)"
check_restored sigsegv 139

launch sigtstp
wait_for "1 Articles" 10
pid="$(reader_pid)"
kill -TSTP "$pid"
sleep 0.7
if [ "$(pane_flag alternate_on)" = 0 ] && [ "$(pane_flag cursor_flag)" = 1 ] && cap | grep -q "Stopped"; then
    pass "SIGTSTP: stopped with the terminal given back to the shell"
else
    fail "SIGTSTP: terminal not given back" "$(cap | tail -5)"
fi
# The shell ran the rest of the launch line when the job stopped; resume it with fg and record again.
resume_line() { rm -f "$E2E_TMP/$1.rc" "$E2E_TMP/$1.after"; literal "fg; echo \$? > $E2E_TMP/$1.rc; stty -a > $E2E_TMP/$1.after"; keys Enter; }
resume_line sigtstp
sleep 0.7
if [ "$(pane_flag alternate_on)" = 1 ] && cap | head -1 | grep -q "1 Articles"; then pass "SIGCONT (fg): redrawn"; else fail "SIGCONT (fg): not redrawn" "$(cap | head -3)"; fi
keys 2
sleep 0.2
if cap | tail -2 | head -1 | grep -q "^ Speakers "; then pass "SIGCONT (fg): keys work again"; else fail "SIGCONT (fg): keys" "$(cap | tail -2)"; fi
quit_and_check sigtstp

launch ctrlz
wait_for "1 Articles" 10
keys C-z
sleep 0.7
if [ "$(pane_flag alternate_on)" = 0 ] && cap | grep -q "Stopped"; then pass "Ctrl-Z: suspended cleanly"; else fail "Ctrl-Z: not suspended" "$(cap | tail -4)"; fi
resume_line ctrlz
sleep 0.7
if cap | head -1 | grep -q "1 Articles"; then pass "Ctrl-Z then fg: redrawn"; else fail "Ctrl-Z then fg" "$(cap | head -3)"; fi
quit_and_check ctrlz

exit $E2E_FAILED
