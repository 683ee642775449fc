# Functions of scripts/build-windows.sh: FreeXL (the reader of Excel 97-2003 .xls workbooks)
# built for Windows from Debian's source package into the dependencies' prefix. Sourced, not
# run. MinGW-w64 has no iconv, which FreeXL converts a workbook's code page with, and its
# fopen takes file names in the system's code page: freexl-win32/ provides both over the
# Windows API (shim.c), compiled into the same library. Kept apart from deps.sh so that
# adding it does not rebuild the other dependencies: its own key is in PREFIX/freexl.txt.

NTR_FREEXL_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# What the FreeXL build depends on, one line: its source versions on offer, this script and
# the shim.
freexl_key() {
  {
    echo "freexl $(source_versions freexl | tr '\n' ' ')"
    sha256sum "$NTR_FREEXL_HERE"/freexl.sh "$NTR_FREEXL_HERE"/freexl-win32/* | awk '{ print $1 }'
  } | sha256sum | cut -c1-16
}

# Builds FreeXL into PREFIX (which holds the other dependencies) unless it is there already.
build_freexl() {
  local prefix=$1 work=$2 key line src shim=$NTR_FREEXL_HERE/freexl-win32
  key=$(freexl_key)
  if [[ -f $prefix/freexl.txt && $(head -n 1 "$prefix/freexl.txt") == "$key" ]]; then
    return 0
  fi
  rm -rf "$work" && mkdir -p "$work"
  line=$(cd "$work" && fetch_source freexl)
  echo "deps: building $line (with the Windows iconv and fopen of freexl-win32/)"
  src=$work/$(cd "$work" && source_dir freexl)
  local version=${line#freexl }
  version=${version%%-*}
  printf '#define VERSION "%s"\n#define PACKAGE_VERSION "%s"\n' "$version" "$version" \
    > "$src/src/config.h"
  nice "$NTR_MINGW-gcc-posix" -O2 -I"$shim" -I"$src/headers" -include "$shim/compat.h" \
    -c "$src/src/freexl.c" -o "$work/freexl.o"
  nice "$NTR_MINGW-gcc-posix" -O2 -Wall -I"$shim" -c "$shim/shim.c" -o "$work/shim.o"
  rm -f "$prefix/lib/libfreexl.a"
  "$NTR_MINGW-ar" rcs "$prefix/lib/libfreexl.a" "$work/freexl.o" "$work/shim.o"
  install -D -m 644 "$src/headers/freexl.h" "$prefix/include/freexl.h"
  mkdir -p "$prefix/lib/pkgconfig"
  # shellcheck disable=SC2016 # ${pcfiledir} is pkg-config's, not the shell's
  printf 'prefix=${pcfiledir}/../..\nName: freexl\nDescription: FreeXL\nVersion: %s\nLibs: -L${prefix}/lib -lfreexl\nCflags: -I${prefix}/include\n' \
    "$version" > "$prefix/lib/pkgconfig/freexl.pc"
  printf '%s\n%s\n' "$key" "$line" > "$prefix/freexl.txt"
  rm -rf "$work"
}
