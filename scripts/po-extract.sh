#!/usr/bin/env bash
# Writes the template of every message marked for translation in the sources (tr, trf, N_) to
# the file named, with xgettext. Used by scripts/po-update.sh and the test `translations`.
# Usage: scripts/po-extract.sh OUT.pot
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -- 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 2>/dev/null | LC_ALL=C sort >"$1.files" ||
  true
if [[ ! -s "$1.files" ]]; then
  find src include -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort >"$1.files"
fi
xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=tr --keyword=trf --keyword=N_ \
  --flag=tr:1:no-c-format --flag=trf:1:no-c-format --flag=N_:1:no-c-format \
  --sort-output --add-location=file --package-name=ntreport --no-wrap \
  --files-from="$1.files" -o "$1"
rm -f "$1.files"
