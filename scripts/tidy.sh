#!/usr/bin/env bash
# Runs clang-tidy (the checks of .clang-tidy) over the C++ sources of src/ that changed since
# BASE (default: the merge base with main), or over all of them with --all (or when there is no
# such base). A header counts
# through the .cpp files of its folder. Needs a configured build/ (compile_commands.json).
# Usage: scripts/tidy.sh [--all | BASE]
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f build/compile_commands.json ]]; then
  echo "tidy: no build/compile_commands.json; configure with cmake -S . -B build first" >&2
  exit 2
fi
base=""
if [[ "${1:-}" != "--all" ]]; then
  # Without the base (a checkout of one branch), every file is checked.
  base=$(git merge-base HEAD "${1:-main}" 2>/dev/null) || base=""
fi
if [[ -z "$base" ]]; then
  mapfile -t files < <(git ls-files 'src/*.cpp')
else
  mapfile -t changed < <(git diff --name-only "$base" -- 'src/*.cpp' 'src/*.hpp' 'include/*.hpp';
                         git ls-files --others --exclude-standard -- 'src/*.cpp' 'src/*.hpp')
  declare -A seen=()
  files=()
  for f in "${changed[@]}"; do
    case "$f" in
      *.cpp) candidates=("$f") ;;
      include/ntreport/*/*.hpp) d=${f#include/ntreport/}; d=${d%%/*}
                                mapfile -t candidates < <(git ls-files "src/$d/*.cpp") ;;
      *.hpp) mapfile -t candidates < <(git ls-files "$(dirname "$f")/*.cpp") ;;
    esac
    for c in "${candidates[@]}"; do
      if [[ -f "$c" && -z "${seen[$c]:-}" ]]; then seen[$c]=1; files+=("$c"); fi
    done
  done
fi
# The Windows side of the platform layer is compiled only by MinGW (scripts/build-windows.sh).
mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -v '^src/platform/windows_' || true)
if (( ${#files[@]} == 0 )); then
  echo "tidy: no changed source files"
  exit 0
fi
echo "tidy: ${#files[@]} files"
printf '%s\n' "${files[@]}" | xargs -P"$(nproc)" -n4 clang-tidy -p build --quiet
