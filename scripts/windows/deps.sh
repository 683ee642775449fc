# Functions of scripts/build-windows.sh: ntreport's dependencies built for Windows from
# Debian's source packages into a prefix. Sourced, not run.
#
# Compiled from source packages (apt-get source): zlib, expat, utf8proc, libzip, fmt,
# libxlsxwriter (with windows/libxlsxwriter-mingw-utf8.patch). Header-only, copied from the
# installed Debian -dev packages: CLI11, toml++ (built header-only).

NTR_MINGW=x86_64-w64-mingw32
NTR_WIN_SOURCES=(zlib expat utf8proc libzip fmtlib libxlsxwriter)
NTR_WIN_HEADERS=(libcli11-dev libtomlplusplus-dev)
NTR_WIN_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The versions of a source package the archive offers, newest first.
source_versions() {
  local v sorted=()
  while read -r v; do
    local i=${#sorted[@]}
    sorted+=("$v")
    while ((i > 0)) && dpkg --compare-versions "${sorted[i - 1]}" lt "$v"; do
      sorted[i]=${sorted[i - 1]}
      sorted[i - 1]=$v
      i=$((i - 1))
    done
  done < <(apt-cache showsrc --only-source "$1" 2>/dev/null | awk '/^Version:/ { print $2 }' | sort -u)
  printf '%s\n' "${sorted[@]}"
}

# What the dependency build depends on: the source versions on offer, the header packages,
# the compiler, and this build's own files. Printed one per line; its hash names the cache.
deps_inputs() {
  local p
  for p in "${NTR_WIN_SOURCES[@]}"; do
    echo "$p $(source_versions "$p" | tr '\n' ' ')"
  done
  for p in "${NTR_WIN_HEADERS[@]}"; do
    echo "$p $(dpkg-query -W -f='${Version}' "$p")"
  done
  echo "compiler $("$NTR_MINGW-g++-posix" -dumpfullversion) $(dpkg-query -W -f='${Version}' mingw-w64-common)"
  sha256sum "$NTR_WIN_HERE"/deps.sh "$NTR_WIN_HERE"/*.patch \
    "$NTR_WIN_HERE"/../../cmake/mingw-w64-x86_64.cmake | awk '{ print $1 }'
}

# Fetches a source package into the current folder: the newest version the archive serves
# (a mirror may lack the files of the newest). Prints "package version".
fetch_source() {
  local pkg=$1 v
  for v in $(source_versions "$pkg"); do
    if apt-get source -q "$pkg=$v" > "fetch-$pkg.log" 2>&1; then
      echo "$pkg $v"
      return 0
    fi
    echo "deps: $pkg $v could not be fetched; trying an older version" >&2
    find . -maxdepth 1 -type f -name "${pkg}_*" -delete
  done
  echo "deps: no version of the source package $pkg could be fetched:" >&2
  cat "fetch-$pkg.log" >&2
  return 1
}

# The one folder apt-get source unpacked for a package.
source_dir() {
  find . -maxdepth 1 -mindepth 1 -type d -name "$1-*" | head -n 1
}

cmake_configure() {
  local src=$1 prefix=$2
  shift 2
  nice cmake -S "$src" -B "$src/build-win" -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE="$NTR_WIN_HERE/../../cmake/mingw-w64-x86_64.cmake" \
    -DNTR_WIN_PREFIX="$prefix" -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF \
    "$@" > "$src/configure.log" 2>&1 || { tail -n 40 "$src/configure.log" >&2; return 1; }
}

cmake_build() {
  nice cmake --build "$1/build-win" -j"$NTR_JOBS" > "$1/build.log" 2>&1 \
    || { tail -n 40 "$1/build.log" >&2; return 1; }
  cmake --install "$1/build-win" > "$1/install.log"
}

cmake_dep() {
  cmake_configure "$@"
  cmake_build "$1"
}

# zlib's library is its fifteen C files (Debian's source has no Windows makefile).
build_zlib() {
  local src=$1 prefix=$2 f
  (cd "$src" && for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback \
      inffast inflate inftrees trees uncompr zutil; do
    nice "$NTR_MINGW-gcc-posix" -O2 -c "$f.c" -o "$f.o" || exit 1
  done && "$NTR_MINGW-ar" rcs libz.a ./*.o)
  install -D -m 644 "$src/libz.a" "$prefix/lib/libz.a"
  install -D -m 644 -t "$prefix/include" "$src/zlib.h" "$src/zconf.h"
  local version
  version=$(sed -n 's/^#define ZLIB_VERSION "\(.*\)"/\1/p' "$src/zlib.h")
  mkdir -p "$prefix/lib/pkgconfig"
  printf 'prefix=%s\nName: zlib\nDescription: zlib\nVersion: %s\nLibs: -L${prefix}/lib -lz\nCflags: -I${prefix}/include\n' \
    "$prefix" "$version" > "$prefix/lib/pkgconfig/zlib.pc"
}

build_one() {
  local pkg=$1 src=$2 prefix=$3
  case $pkg in
    zlib) build_zlib "$src" "$prefix" ;;
    expat)
      cmake_configure "$src/expat" "$prefix" -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
        -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_SHARED_LIBS=OFF
      # Debian builds expat with autotools, whose configuration defines XML_DTD as 1, and its
      # security patches test "#if XML_DTD == 1"; CMake's configuration defines it empty.
      sed -i 's/^#define XML_DTD$/#define XML_DTD 1/' "$src/expat/build-win/expat_config.h"
      cmake_build "$src/expat" ;;
    utf8proc) cmake_dep "$src" "$prefix" -DUTF8PROC_INSTALL=ON ;;
    libzip)
      # Reading and rewriting workbooks needs deflate only: no other codec, no encryption.
      cmake_dep "$src" "$prefix" -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_GNUTLS=OFF \
        -DENABLE_OPENSSL=OFF -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF \
        -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF \
        -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF ;;
    fmtlib) cmake_dep "$src" "$prefix" -DFMT_TEST=OFF -DFMT_DOC=OFF -DFMT_INSTALL=ON ;;
    libxlsxwriter)
      patch -d "$src" -p1 -s < "$NTR_WIN_HERE/libxlsxwriter-mingw-utf8.patch"
      cmake_dep "$src" "$prefix" -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF ;;
  esac
}

# CLI11 and toml++ as headers, with pkg-config files saying so (toml++ header-only).
install_headers() {
  local prefix=$1
  mkdir -p "$prefix/include" "$prefix/lib/pkgconfig"
  cp -r /usr/include/CLI /usr/include/toml++ "$prefix/include/"
  printf 'prefix=%s\nName: CLI11\nDescription: CLI11\nVersion: %s\nCflags: -I${prefix}/include\n' \
    "$prefix" "$(dpkg-query -W -f='${Version}' libcli11-dev)" > "$prefix/lib/pkgconfig/CLI11.pc"
  printf 'prefix=%s\nName: tomlplusplus\nDescription: toml++\nVersion: %s\nCflags: -I${prefix}/include -DTOML_HEADER_ONLY=1\n' \
    "$prefix" "$(dpkg-query -W -f='${Version}' libtomlplusplus-dev)" \
    > "$prefix/lib/pkgconfig/tomlplusplus.pc"
}

# Builds every dependency into PREFIX (a fresh folder), from sources unpacked in WORK.
# PREFIX/versions.txt, written last, lists the versions built and marks the prefix complete.
build_deps() {
  local prefix=$1 work=$2 pkg line versions=()
  rm -rf "$prefix" "$work"
  mkdir -p "$prefix" "$work"
  for pkg in "${NTR_WIN_SOURCES[@]}"; do
    line=$(cd "$work" && fetch_source "$pkg")
    versions+=("$line")
    echo "deps: building $line"
    build_one "$pkg" "$work/$(cd "$work" && source_dir "$pkg")" "$prefix"
  done
  install_headers "$prefix"
  # Relocatable: the cache folder may move.
  sed -i "s|$prefix|\${pcfiledir}/../..|g" "$prefix"/lib/pkgconfig/*.pc
  for pkg in "${NTR_WIN_HEADERS[@]}"; do
    versions+=("$pkg $(dpkg-query -W -f='${Version}' "$pkg") (headers)")
  done
  printf '%s\n' "${versions[@]}" > "$prefix/versions.txt.new"
  mv "$prefix/versions.txt.new" "$prefix/versions.txt"
  rm -rf "$work"
}
