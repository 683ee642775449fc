#!/usr/bin/env bash
# Extracts the messages marked for translation (tr, trf, N_) from the sources with xgettext and
# merges them into po/vi.po with msgmerge: new messages arrive untranslated, gone ones become
# obsolete (#~) — translate the first, delete the second (docs/i18n.md). The test
# `translations` fails until both are done.
# Usage: scripts/po-update.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
scripts/po-extract.sh "$pot"
msgmerge --quiet --update --backup=none --no-fuzzy-matching --sort-output --no-wrap \
  --add-location=file po/vi.po "$pot"
# No dates in the catalogue: the same sources give the same file.
sed -i '/^"POT-Creation-Date: /d' po/vi.po
msgfmt --check --statistics -o /dev/null po/vi.po
