#!/usr/bin/env bash
# Renders an input workbook of `ntreport template` (or any XLSX) as LibreOffice prints it: a
# PDF, then one PNG per page, to look at the Vietnamese text and the layout by eye.
# Needs Debian's libreoffice-calc-nogui and poppler-utils (not part of the test suite).
# Usage: scripts/render-template.sh WORKBOOK.xlsx [OUT_DIR]   (default OUT_DIR: ./render)
set -euo pipefail
book="$1"
out="${2:-render}"
for tool in soffice pdftoppm; do
  command -v "$tool" > /dev/null || { echo "render-template: $tool is missing (apt-get install libreoffice-calc-nogui poppler-utils)" >&2; exit 2; }
done
mkdir -p "$out"
profile="$(mktemp -d)"  # a private LibreOffice profile: no first-start dialogs, no lock clashes
trap 'rm -rf "$profile"' EXIT
soffice --headless --norestore "-env:UserInstallation=file://$profile" \
  --convert-to pdf --outdir "$out" "$book" > /dev/null
pdf="$out/$(basename "${book%.*}").pdf"
pdftoppm -png -r 110 "$pdf" "${pdf%.pdf}"
ls "$out"/"$(basename "${book%.*}")"*
