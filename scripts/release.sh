#!/usr/bin/env bash
# Makes the release artefacts in dist/ (NTR_DIST):
#   ntreport-<version>-windows-x64.zip  ntreport.exe (scripts/build-windows.sh), README.txt in
#                                        Vietnamese, the 2024 sample period as mau-2024\
#   ntreport_<version>_amd64.deb         the Linux binary, docs and samples (CPack), for the
#                                        servers that run the scheduled jobs
# Runs on a fresh Debian 12 machine: installs what is missing (scripts/setup.sh --windows).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dist=${NTR_DIST:-$root/dist}
version=$(sed -n 's/^project(ntreport VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
# Every file of the zip is dated by the last commit (or SOURCE_DATE_EPOCH): the same sources
# give the same zip.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2> /dev/null || echo 0)}
export NTR_JOBS=${NTR_JOBS:-2}

scripts/setup.sh --windows
mkdir -p "$dist"

echo "== Debian package"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
nice cmake --build build-release -j"$NTR_JOBS" --target ntreport
(cd build-release && cpack -G DEB > /dev/null)
deb=$(ls build-release/ntreport_"$version"_*.deb)
cp "$deb" "$dist/"
dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Depends\):/  \1:/p'

echo "== Windows zip"
scripts/build-windows.sh
name=ntreport-$version-windows-x64
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/mau-2024"
x86_64-w64-mingw32-strip -o "$stage/$name/ntreport.exe" build-windows/ntreport.exe
cp -r data/samples/2024/. "$stage/$name/mau-2024/"
# The user guide (tai-lieu\huong-dan.md) with the documents and pictures it links to
mkdir -p "$stage/$name/tai-lieu/images"
cp docs/*.md "$stage/$name/tai-lieu/"
cp docs/images/*.png "$stage/$name/tai-lieu/images/"
# Notepad of older Windows reads UTF-8 only with a byte order mark, and lines only with CRLF.
{ printf '\xef\xbb\xbf'; sed "s/@VERSION@/$version/; s/\$/\r/" packaging/windows/README.txt; } \
  > "$stage/$name/README.txt"
find "$stage/$name" -exec touch -h -d "@$epoch" {} +
rm -f "$dist/$name.zip"
(cd "$stage" && find "$name" -print | LC_ALL=C sort | zip -q -X -D "$dist/$name.zip" -@)
echo "release: $dist/$(basename "$deb") and $dist/$name.zip"
ls -l "$dist"
