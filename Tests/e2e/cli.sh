#!/usr/bin/env bash
# End-to-end checks of the plain subcommands: exit codes, stdout/stderr separation, JSON validity.
# usage: Tests/e2e/cli.sh path/to/briefing
set -uo pipefail
bin=$(cd "$(dirname "${1:?usage: cli.sh BRIEFING_BINARY}")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # name, condition (evaluated)
  if eval "$2"; then pass=$((pass + 1)); echo "PASS $1"; else fail=$((fail + 1)); echo "FAIL $1"; fi
}

# The sample corpus: every subcommand prints, exits 0, and the JSON parses with the contract's keys.
for cmd in speakers quotes agenda events; do
  "$bin" $cmd >"$tmp/$cmd.txt" 2>"$tmp/$cmd.err"
  check "briefing $cmd exits 0" "[ $? -eq 0 ]"
  check "briefing $cmd prints a listing" "[ -s '$tmp/$cmd.txt' ]"
done
"$bin" extract --format json >"$tmp/model.json" 2>"$tmp/model.err"
check "extract --format json exits 0" "[ $? -eq 0 ]"
check "extract JSON has the contract's keys" \
  "python3 -c 'import json,sys; d=json.load(open(\"$tmp/model.json\")); sys.exit(0 if set(d)>={\"articles\",\"speakers\",\"quotes\",\"terms\",\"agendas\",\"events\",\"warnings\"} else 1)'"
check "the sample corpus loads with no warnings" "[ ! -s '$tmp/model.err' ]"

# BRIEFING_TRACE_STAGES: the stages on stderr with time and memory; stdout is the same JSON.
BRIEFING_TRACE_STAGES=1 "$bin" extract --format json --no-cache >"$tmp/traced.json" 2>"$tmp/traced.err"
check "traced extract exits 0" "[ $? -eq 0 ]"
check "traced extract writes the same JSON" "cmp -s '$tmp/model.json' '$tmp/traced.json'"
check "the trace names the stages with resident and peak memory" \
  "grep -Eq '^stage +[0-9.]+ s +rss +[0-9]+ KiB +peak +[0-9]+ KiB +lines: quotes built$' '$tmp/traced.err' && grep -q 'output written' '$tmp/traced.err'"

# briefing cache: writes the model cache (one line: articles and what the cache did); a second run finds it.
XDG_CACHE_HOME="$tmp/xdg" "$bin" cache >"$tmp/cache1.out" 2>"$tmp/cache1.err"
check "briefing cache exits 0" "[ $? -eq 0 ]"
check "briefing cache rebuilds an empty cache" "grep -Eq '^[0-9]+ articles; cache rebuilt$' '$tmp/cache1.out'"
XDG_CACHE_HOME="$tmp/xdg" "$bin" cache >"$tmp/cache2.out" 2>&1
check "briefing cache again: a hit" "grep -Eq '^[0-9]+ articles; cache hit$' '$tmp/cache2.out'"
XDG_CACHE_HOME="$tmp/xdg" "$bin" speakers --verbose >/dev/null 2>"$tmp/cache3.err"
check "a later command reads that cache" "grep -q '^cache: hit' '$tmp/cache3.err'"
"$bin" cache --no-cache >/dev/null 2>&1
check "briefing cache --no-cache is a usage error" "[ $? -eq 2 ]"
# A cache folder that cannot be made (a file stands where it would go): exit 1, saying why.
printf 'not a folder' >"$tmp/xdg-file"
XDG_CACHE_HOME="$tmp/xdg-file" "$bin" cache >/dev/null 2>"$tmp/cache-bad.err"
check "briefing cache exits 1 when the cache cannot be written" \
  "[ $? -eq 1 ] && grep -q 'cache was not written' '$tmp/cache-bad.err'"

# Usage errors exit 2; a bad --date is a usage error.
"$bin" extract --date 2019-13-45 Data/articles >/dev/null 2>"$tmp/usage.err"
check "bad --date exits 2" "[ $? -eq 2 ]"
check "bad --date says what is wrong" "grep -q 'not a date' '$tmp/usage.err'"
"$bin" frobnicate >/dev/null 2>&1
check "unknown subcommand exits non-zero" "[ $? -ne 0 ]"

# The reader refuses a non-terminal with exit 2 and points at the subcommands.
"$bin" </dev/null >"$tmp/read.out" 2>"$tmp/read.err"
check "reader without a terminal exits 2" "[ $? -eq 2 ]"
check "reader without a terminal names the subcommands" "grep -q 'extract' '$tmp/read.err'"

# No corpus anywhere: one line saying what to pass, exit 1.
(cd "$tmp" && BRIEFING_CORPUS= BRIEFING_DATA="$root/Data" "$bin" speakers >/dev/null 2>"$tmp/nocorpus.err")
check "no corpus exits 1" "[ $? -eq 1 ]"
check "no corpus says what to pass" "grep -q 'pass article files or folders' '$tmp/nocorpus.err'"

# Bad input: a warning as path:line: message on stderr, and the rest still loads.
mkdir -p "$tmp/mixed"
printf -- '---\ntitle: Good\ndate: 2019-10-05\n---\nThe talks ended on Saturday.\n' >"$tmp/mixed/good.md"
printf -- '---\ntitle: Bad date\ndate: 2019-13-45\n---\nText.\n' >"$tmp/mixed/bad-date.md"
printf '\x00\x01\x02binary' >"$tmp/mixed/blob.txt"
"$bin" extract --format json "$tmp/mixed" >"$tmp/mixed.json" 2>"$tmp/mixed.err"
check "bad input still exits 0" "[ $? -eq 0 ]"
check "bad date reported as path:line: message" "grep -q 'bad-date.md:3: ' '$tmp/mixed.err'"
check "binary file reported as path:line: message" "grep -q 'blob.txt:1: binary' '$tmp/mixed.err'"
check "the good article still loads" \
  "python3 -c 'import json,sys; d=json.load(open(\"$tmp/mixed.json\")); sys.exit(0 if any(a[\"title\"]==\"Good\" for a in d[\"articles\"]) else 1)'"
check "warnings are in the JSON too" \
  "python3 -c 'import json,sys; d=json.load(open(\"$tmp/mixed.json\")); sys.exit(0 if len(d[\"warnings\"])>=2 else 1)'"

# The reference article (when ../shared is beside the checkout): 12 paragraphs and a title.
ref=../shared/seeds/000_84dba37f60b77d87.txt
if [ -f "$ref" ]; then
  "$bin" extract --format json "$ref" >"$tmp/ref.json" 2>/dev/null
  check "reference article: 12 paragraphs and a title" \
    "python3 -c 'import json,sys; a=json.load(open(\"$tmp/ref.json\"))[\"articles\"][0]; sys.exit(0 if len(a[\"paragraphs\"])==12 and a[\"title\"] else 1)'"
else
  echo "skip: $ref not found"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
