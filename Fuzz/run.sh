#!/usr/bin/env bash
# Builds the libFuzzer target (loading + the whole pipeline) with AddressSanitizer and runs it.
# Usage: Fuzz/run.sh [SECONDS]   (default 600). Crashes, hangs and leaks land in Fuzz/artifacts/.
# Extra libFuzzer flags may follow the seconds, e.g. keep going past crashes in stages not fixed yet:
#   Fuzz/run.sh 600 -fork=1 -ignore_crashes=1 -ignore_timeouts=1
set -euo pipefail
seconds="${1:-600}"
shift || true
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

# -parse-as-library: libFuzzer's driver runs the program (FuzzTarget.swift provides the entry SwiftPM links to).
# --disable-build-manifest-caching: otherwise source files added to the main package since the last fuzz
# build are not seen (SwiftPM reuses the cached build plan of the path dependency).
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --disable-build-manifest-caching)
swift build "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/BriefingFuzz"

mkdir -p "$here/artifacts"
export BRIEFING_DATA="${BRIEFING_DATA:-$(dirname "$here")/Data}"
# Without this, a Swift trap (index out of range, …) starts Swift's backtracer, whose memory reads trip
# AddressSanitizer and hide the real message behind a heap-buffer-overflow in CrashHandlerLinux.cpp.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
BRIEFING_FUZZ_BINARY="$binary" "$here/seed.sh"
# -timeout: one input running over 10 s counts as a hang; -rss_limit_mb: memory blow-ups count as crashes.
"$binary" "$here/corpus-work" \
    -dict="$here/briefing.dict" \
    -max_total_time="$seconds" \
    -max_len=16384 \
    -timeout=10 \
    -rss_limit_mb=4096 \
    -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/" \
    "$@"
