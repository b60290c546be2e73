#!/usr/bin/env bash
# Builds and runs the whole test suite under AddressSanitizer, then under ThreadSanitizer.
# Each sanitizer gets its own scratch folder (.build-asan, .build-tsan; git-ignored) so the normal
# .build stays untouched. Usage: scripts/sanitizers.sh [address|thread]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "unknown sanitizer: $sanitizer (address or thread)" >&2; exit 2 ;;
    esac
    echo "== swift test --sanitize=$sanitizer (scratch $scratch)"
    start=$(date +%s)
    if ! swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"; then
        echo "== $sanitizer: BUILD FAILED after $(($(date +%s) - start)) s"
        status=1
        continue
    fi
    # halt_on_error: the first report fails the run instead of scrolling past.
    # Leaks inside the toolchain's libraries are suppressed by scripts/lsan.supp; ours still fail the run.
    if ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1}" TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}" \
        LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}" \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch"; then
        echo "== $sanitizer: passed in $(($(date +%s) - start)) s"
    else
        echo "== $sanitizer: FAILED after $(($(date +%s) - start)) s"
        status=1
    fi
done
exit $status
