#!/usr/bin/env bash
# Builds the fuzzer's working corpus (Fuzz/corpus-work/, git-ignored) from the sample articles and the
# committed bad-input and fuzz fixtures. The first byte of a fuzz input picks its form (see FuzzTarget.swift):
# 0 plain text, 1 front matter (the input follows an opening "---" line), 2 JSON Lines, 3 a file on disk (other
# bytes modulo 4), and 0xCA a cache file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$here/corpus-work"
mkdir -p "$work"

add() { # add SELECTOR-BYTE FILE [skip-bytes]
    local selector="$1" file="$2" skip="${3:-0}"
    local name
    name="seed-$(printf '%s' "$selector")-$(basename "$file" | tr -c 'A-Za-z0-9._-' '_')"
    { printf "\\x$(printf '%02x' "$selector")"; tail -c +"$((skip + 1))" "$file"; } > "$work/$name"
}

count=0
for dir in "$root/Data/articles" "$root/Tests/Fixtures/bad"; do
    [ -d "$dir" ] || continue
    while IFS= read -r -d '' file; do
        # Keep seeds small: libFuzzer works best on short inputs.
        [ "$(stat -c %s "$file")" -le 65536 ] || continue
        case "$file" in
        *.jsonl) add 2 "$file" ;;
        *)
            add 0 "$file"
            add 3 "$file"
            if head -c 4 "$file" | cmp -s - <(printf -- '---\n'); then add 1 "$file" 4; fi
            ;;
        esac
        count=$((count + 1))
    done < <(find "$dir" -type f -not -name '.*' -print0)
done
# The cache form (selector byte 0xCA): a valid cache file of the fuzz target's one-article corpus, written by the
# fuzz binary itself when it is given (run.sh passes it; skipped when the binary is not built).
if [ -n "${BRIEFING_FUZZ_BINARY:-}" ] && [ -x "$BRIEFING_FUZZ_BINARY" ]; then
    if BRIEFING_FUZZ_CACHE_SEED="$work/seed-202-cache" SWIFT_BACKTRACE=enable=no "$BRIEFING_FUZZ_BINARY"; then
        count=$((count + 1))
    else
        echo "seed.sh: the fuzz binary wrote no cache seed" >&2
    fi
fi
# Regression inputs (crashes found by earlier runs, inputs for the guards) are stored whole, selector byte included.
if [ -d "$root/Tests/Fixtures/fuzz" ]; then
    # open/ holds crashes not fixed yet: libFuzzer stops at the first crashing seed, so they stay out.
    find "$root/Tests/Fixtures/fuzz" -type f -not -path '*/open/*' -not -name '.*' -not -name '*.md' \
        -exec cp {} "$work/" \;
fi
echo "seeded $count files into $work ($(find "$work" -type f | wc -l) inputs)"
