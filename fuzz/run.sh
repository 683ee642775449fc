#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60), one after
# the other, from the seeds of fuzz/make_seeds.py and the corpus kept in build-fuzz/corpus/.
# An input that crashes, leaks, hangs or exhausts memory is copied to
# fuzz/regressions/<target>/ (commit it with the fix: every build replays it) and the run fails.
# Usage: fuzz/run.sh [SECONDS] [TARGET…]      targets: csv xlsx count ingest header summary
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if (( ${#targets[@]} == 0 )); then targets=(csv xlsx count ingest header summary); fi
build=build-fuzz

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DNTR_FUZZ=ON -DNTR_WERROR=ON -DBUILD_TESTING=OFF > /dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t" seeds="$build/seeds/$t" artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  rm -f "$artifacts"/*
  /usr/bin/python3 fuzz/make_seeds.py "$t" "$seeds"
  dict=()
  case "$t" in
    csv | ingest) dict=(-dict=fuzz/csv.dict) ;;
    xlsx) dict=(-dict=fuzz/xlsx.dict) ;;
    summary) dict=(-dict=fuzz/json.dict) ;;
  esac
  log="$build/fuzz-$t.log"
  status=0
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    "$build/fuzz/fuzz_$t" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$seeds" "fuzz/regressions/$t" \
    > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz $t: ${runs:-?} executions in ${seconds} s, exit ${status}, corpus $(ls "$corpus" | wc -l) inputs"
  if (( status != 0 )); then
    tail -40 "$log"
    for f in "$artifacts"/*; do
      [[ -e "$f" ]] || continue
      cp "$f" "fuzz/regressions/$t/"
      echo "fuzz $t: kept $(basename "$f") in fuzz/regressions/$t/"
    done
    failed+=("$t")
  fi
done
if (( ${#failed[@]} > 0 )); then
  echo "fuzz: findings in ${failed[*]}"
  exit 1
fi
