#!/usr/bin/env bash
# Measures how ntreport meets each hostile input of tests/scripts/hostile_cases.py (zip bombs
# over many parts, wide rows, huge shared-string tables, deep XML, named pipes, links to
# devices, path traversal, overwrites …): for each, the exit status, the wall time and the peak
# memory (GNU time), and the first line of what it printed. Every case must finish within 2 s
# and 256 MiB on a 2-core machine; a line ends with "over" when one does not. Each run is cut
# at 60 s and 4 GiB of address space, so that an older binary can be measured too.
# Usage: scripts/bench-hostile.sh [NTREPORT_BINARY] [CASE…]   (default build/ntreport, all)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
binary="$(realpath "${1:-build/ntreport}")"
shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cases=("$@")
if (( ${#cases[@]} == 0 )); then
  mapfile -t cases < <(/usr/bin/python3 -c "
import sys; sys.path.insert(0, 'tests/scripts')
from hostile_cases import CASES; print('\n'.join(CASES))")
fi

printf '%-28s %4s %8s %9s  %s\n' case exit seconds 'peak MiB' 'first line'
over=0
for name in "${cases[@]}"; do
  dir="$work/$name"
  mkdir -p "$dir"
  args="$(/usr/bin/python3 - "$dir" "$name" <<'PY'
import json, sys
sys.path.insert(0, "tests/scripts")
from hostile_cases import CASES
case = CASES[sys.argv[2]](sys.argv[1])
print(json.dumps(case.args))
PY
)"
  mapfile -t argv < <(/usr/bin/python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])))' "$args")
  status=0
  rm -f "$work/time"
  ( cd "$dir" && ulimit -v 4194304 && /usr/bin/time -f "%e %M" -o "$work/time" \
      timeout -s KILL 60 "$binary" "${argv[@]}" > /dev/null 2> "$work/stderr" ) || status=$?
  seconds=60 peak_kb=0
  read -r seconds peak_kb < <(tail -1 "$work/time" 2>/dev/null) || true  # after "Command …"
  [[ "$seconds" =~ ^[0-9.]+$ ]] || { seconds=60; peak_kb=0; }
  peak=$((peak_kb / 1024))
  verdict=""
  if awk -v s="$seconds" 'BEGIN { exit !(s > 2) }' || (( peak > 256 )) || (( status == 137 )); then
    verdict="  over"
    over=$((over + 1))
  fi
  first="$(head -1 "$work/stderr" | cut -c1-110)"
  printf '%-28s %4s %8s %9s  %s%s\n' "$name" "$status" "$seconds" "$peak" "$first" "$verdict"
  rm -rf "$dir"
done
(( over == 0 )) || echo "bench-hostile: $over case(s) over 2 s or 256 MiB"
