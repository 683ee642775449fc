#!/usr/bin/env bash
# Measures how ntreport refuses zip bombs: valid one-sheet workbooks whose sheet inflates to
# 1.5 GiB of whitespace (deflated to about 1.5 MB), built three ways:
#   honest     the zip declares the real size: refused before inflating (part-too-large)
#   lying      the zip declares 1,000 bytes: refused while inflating, at 256 MiB (part-too-large)
#   in-a-cell  the whitespace is the value of one cell: refused at 1 MiB of row text
#              (text-too-large), whatever the zip declares
# For each, prints the diagnostic, the wall time and the peak memory (GNU time).
# Usage: scripts/bench-zip-bomb.sh [NTREPORT_BINARY]   (default build/ntreport)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$(realpath "${1:-build/ntreport}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work" <<'PY'
import os, sys
sys.path.insert(0, "tests/errors")
from make_inputs import whitespace_sheet_bomb
work = sys.argv[1]
whitespace_sheet_bomb(os.path.join(work, "honest.xlsx"), 1536, None)
whitespace_sheet_bomb(os.path.join(work, "lying.xlsx"), 1536, 1000)
whitespace_sheet_bomb(os.path.join(work, "in-a-cell.xlsx"), 1536, 1000, in_cell=True)
PY

for bomb in honest lying in-a-cell; do
  file="$work/$bomb.xlsx"
  status=0
  ( cd "$work" && /usr/bin/time -f "%e %M" -o "$work/time" "$binary" check "$bomb.xlsx" \
      2> "$work/stderr" ) || status=$?
  read -r seconds peak_kb < <(tail -1 "$work/time")  # after "Command exited with …"
  echo "$bomb: $(stat -c %s "$file") bytes on disk; exit $status; ${seconds} s; peak $((peak_kb / 1024)) MiB"
  head -1 "$work/stderr" | sed 's/^/  /'
done
