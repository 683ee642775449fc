#!/usr/bin/env bash
# Cross-builds ntreport.exe for 64-bit Windows on Debian 12 with MinGW-w64: one static
# executable holding the registry and templates. Its dependencies are built from Debian's own
# source packages (scripts/windows/deps.sh) into a prefix cached by their versions.
# Usage: scripts/build-windows.sh [--deps-only]
# Environment:
#   NTR_WIN_BUILD       build folder (default: build-windows); the exe is $NTR_WIN_BUILD/ntreport.exe
#   NTR_WIN_DEPS_CACHE  where built dependencies are kept, one folder per set of source
#                       versions (default: $NTR_WIN_BUILD/deps); may be outside the tree
#   NTR_JOBS            parallel jobs (default: 2)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${NTR_WIN_BUILD:-$root/build-windows}
mkdir -p "$build"
build=$(cd "$build" && pwd)
cache=${NTR_WIN_DEPS_CACHE:-$build/deps}
export NTR_JOBS=${NTR_JOBS:-2}

scripts/setup.sh --windows
scripts/windows/enable-deb-src.sh
# shellcheck source=windows/deps.sh
source scripts/windows/deps.sh
# shellcheck source=windows/freexl.sh
source scripts/windows/freexl.sh

seconds() { date +%s.%N; }
elapsed() { printf '%.1f' "$(echo "$(seconds) - $1" | bc)"; }

start=$(seconds)
key=$(deps_inputs | sha256sum | cut -c1-16)
prefix=$cache/$key
if [[ -f $prefix/versions.txt ]]; then
  echo "build-windows: dependencies cached in $prefix"
else
  echo "build-windows: building the dependencies into $prefix"
  build_deps "$prefix" "$build/deps-src"
  echo "build-windows: dependencies built in $(elapsed "$start") s"
fi
build_freexl "$prefix" "$build/freexl-src"
sed 's/^/  /' "$prefix/versions.txt"
sed -n '2s/^/  /p' "$prefix/freexl.txt"
[[ ${1:-} == --deps-only ]] && exit 0

start=$(seconds)
launcher=()
if command -v ccache > /dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Paths relative to the tree: a fresh clone elsewhere (CI) reuses the compiled objects.
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
fi
cmake -S . -B "$build/ntreport" -DCMAKE_BUILD_TYPE=Release -DNTR_WERROR=ON -DBUILD_TESTING=OFF \
  -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64-x86_64.cmake" -DNTR_WIN_PREFIX="$prefix" \
  "${launcher[@]}" > /dev/null
nice cmake --build "$build/ntreport" -j"$NTR_JOBS" --target ntreport
cp "$build/ntreport/ntreport.exe" "$build/ntreport.exe"
echo "build-windows: $build/ntreport.exe built in $(elapsed "$start") s"
