#!/usr/bin/env bash
# Renders a workbook the way a reader sees it printed: LibreOffice (headless) converts it to
# PDF with each sheet's print setup, pdftoppm turns every PDF page into a PNG. Look at the
# pages before sending phu-luc.xlsx on.
#
# Usage: scripts/render-xlsx.sh WORKBOOK.xlsx OUT_DIR [DPI]
#   OUT_DIR receives <name>.pdf, page-<n>.png (one per printed page, DPI default 80) and
#   fonts.txt (the fonts the PDF embeds: they must cover Vietnamese).
# Needs the Debian packages libreoffice-calc-nogui and poppler-utils
# (scripts/setup.sh --render installs them). Not part of the test suite.
set -euo pipefail

if (( $# < 2 )); then
  echo "usage: $0 WORKBOOK.xlsx OUT_DIR [DPI]" >&2
  exit 2
fi
book="$1"
out="$2"
dpi="${3:-80}"
for tool in soffice pdftoppm pdffonts; do
  if ! command -v "$tool" > /dev/null; then
    echo "$0: $tool not found; run scripts/setup.sh --render" >&2
    exit 2
  fi
done
if [[ ! -f "$book" ]]; then
  echo "$0: no file $book" >&2
  exit 2
fi

mkdir -p "$out"
name="$(basename "${book%.*}")"
# A profile of its own: the user's LibreOffice settings and a running instance stay untouched.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# Render as an analyst's Vietnamese-locale Excel shows the numbers: "179.153", "99,83%".
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
XCU
soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$out" "$book" > /dev/null 2>&1
if [[ ! -s "$out/$name.pdf" ]]; then
  echo "$0: LibreOffice wrote no PDF for $book" >&2
  exit 1
fi
rm -f "$out"/page-*.png
pdftoppm -r "$dpi" -png "$out/$name.pdf" "$out/page"
pdffonts "$out/$name.pdf" > "$out/fonts.txt"
pages=("$out"/page-*.png)
echo "$book: ${#pages[@]} pages in $out"
printf '  %s\n' "${pages[@]}"
