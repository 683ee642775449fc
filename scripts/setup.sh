#!/usr/bin/env bash
# Installs the Debian packages ntreport needs, when missing, non-interactively.
# Usage: scripts/setup.sh [--test | --render | --windows]   (--test adds what the test suite
#        needs; --render what scripts/render-xlsx.sh and --format pdf need: LibreOffice Calc and
#        Writer, poppler, the fonts; --windows what scripts/build-windows.sh and the Wine tests
#        need: MinGW-w64, Wine, the tools that fetch and unpack Debian source packages)
set -euo pipefail

packages=(build-essential cmake pkg-config libcli11-dev libfmt-dev libxlsxwriter-dev
          libzip-dev zlib1g-dev libexpat1-dev libutf8proc-dev libtomlplusplus-dev libfreexl-dev
          gettext)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(catch2 python3 python3-openpyxl clang libclang-rt-14-dev clang-format clang-tidy)
  # the benchmark's smoke test: GNU time and the workbook generator
  packages+=(time python3-xlsxwriter)
  # the Word document read back by an independent reader
  packages+=(python3-docx)
fi
if [[ "${1:-}" == "--windows" ]]; then
  packages+=(g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix dpkg-dev patch bc
             wine wine64 python3 zip)
fi
if [[ "${1:-}" == "--render" ]]; then
  packages=(libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-liberation2)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if (( ${#missing[@]} > 0 )); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
