#!/usr/bin/env bash
# Enables Debian source packages (deb-src) for the same archives as the machine's binary
# package entries, so that `apt-get source` works: writes one file,
# /etc/apt/sources.list.d/ntreport-deb-src.sources, whose entries are the deb entries of the
# other *.sources files (and of /etc/apt/sources.list) with their type changed to deb-src.
# Idempotent: does nothing when deb-src entries already exist; updates the package lists
# only when the file was written or changed.
set -euo pipefail

apt_dir=${NTR_APT_DIR:-/etc/apt}
target=$apt_dir/sources.list.d/ntreport-deb-src.sources

# deb822 stanzas: those with type deb become deb-src; stanzas that already list deb-src, or
# are disabled, are left out.
from_sources() {
  awk 'BEGIN { RS = ""; FS = "\n" }
    { deb = 0; src = 0; out = ""
      for (i = 1; i <= NF; i++) {
        line = $i
        if (line ~ /^#/) continue
        if (line ~ /^Types:/) {
          if (line ~ /[ \t]deb([ \t]|$)/) deb = 1
          if (line ~ /deb-src/) src = 1
          line = "Types: deb-src"
        }
        if (line ~ /^Enabled:[ \t]*no/) deb = 0
        out = out line "\n"
      }
      if (deb && !src) printf "%s\n", out }' "$1"
}

# One-line entries: "deb [options] URI suite components…" as a deb822 stanza.
from_list() {
  awk '$1 == "deb" {
      n = 2; opts = ""
      if ($2 ~ /^\[/) { while ($n !~ /\]$/) { opts = opts " " $n; n++ } opts = opts " " $n; n++ }
      printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", $n, $(n + 1)
      for (i = n + 2; i <= NF; i++) printf " %s", $i
      printf "\n"
      if (match(opts, /signed-by=[^] ]+/)) printf "Signed-By: %s\n", substr(opts, RSTART + 10, RLENGTH - 10)
      printf "\n" }' "$1"
}

has_deb_src() {
  local f
  for f in "$apt_dir"/sources.list "$apt_dir"/sources.list.d/*.list; do
    [[ -f $f ]] && grep -q '^[[:space:]]*deb-src[[:space:]]' "$f" && return 0
  done
  for f in "$apt_dir"/sources.list.d/*.sources; do
    [[ -f $f && $f != "$target" ]] && grep -q '^Types:.*deb-src' "$f" && return 0
  done
  return 1
}

if has_deb_src; then
  exit 0
fi
entries=$(
  for f in "$apt_dir"/sources.list.d/*.sources; do
    [[ -f $f && $f != "$target" ]] && from_sources "$f"
  done
  if [[ -f $apt_dir/sources.list ]]; then from_list "$apt_dir/sources.list"; fi
)
if [[ -z $entries ]]; then
  echo "enable-deb-src: no deb entry in $apt_dir to derive deb-src entries from" >&2
  exit 1
fi
content="# Written by ntreport's scripts/windows/enable-deb-src.sh: source packages from the
# archives of this machine's deb entries, for the Windows build (apt-get source).
$entries"
if [[ -f $target ]] && [[ "$(cat "$target")" == "$content" ]]; then
  exit 0
fi
sudo=""
if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
echo "enable-deb-src: writing $target"
printf '%s\n' "$content" | $sudo tee "$target" > /dev/null
if [[ -z ${NTR_APT_DIR:-} ]]; then
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
fi
