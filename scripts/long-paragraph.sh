#!/usr/bin/env bash
# Writes one paragraph of news text of at least BYTES bytes (default 5,000,000) to stdout: the body of a sample
# article, white space collapsed, repeated on a single line. Used for the long-paragraph figures in
# docs/PERFORMANCE.md and docs/HARDENING.md (run it with `briefing extract --no-cache --date 2019-10-05`).
# Usage: scripts/long-paragraph.sh [BYTES] > /tmp/para5mb.txt
set -eu
bytes=${1:-5000000}
here="$(cd "$(dirname "$0")/.." && pwd)"
python3 - "$here/Data/articles/2019-10-05-stockholm-talks-break-down.md" "$bytes" << 'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
text = open(path, encoding="utf-8").read().split("---", 2)[2]
body = " ".join(text.split())
sys.stdout.write((body + " ") * (size // len(body.encode()) + 1) + "\n")
PY
