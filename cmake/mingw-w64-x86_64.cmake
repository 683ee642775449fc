# Cross-compiles for 64-bit Windows with Debian's MinGW-w64 (the POSIX-threads variant, whose
# libstdc++ has std::thread), linking everything statically: ntreport.exe runs alone.
#   cmake -S . -B build-windows/ntreport -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
#         -DNTR_WIN_PREFIX=<prefix of the Windows dependencies (scripts/build-windows.sh)>
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(NTR_MINGW x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${NTR_MINGW}-gcc-posix)
set(CMAKE_CXX_COMPILER ${NTR_MINGW}-g++-posix)
set(CMAKE_RC_COMPILER ${NTR_MINGW}-windres)

# The prefix holding the dependencies built for Windows; try_compile runs see it too.
if(NOT NTR_WIN_PREFIX AND DEFINED ENV{NTR_WIN_PREFIX})
  set(NTR_WIN_PREFIX "$ENV{NTR_WIN_PREFIX}")
endif()
set(ENV{NTR_WIN_PREFIX} "${NTR_WIN_PREFIX}")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES NTR_WIN_PREFIX)

set(CMAKE_FIND_ROOT_PATH /usr/${NTR_MINGW} ${NTR_WIN_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config sees only the Windows prefix, and gives every library's own dependencies
# (Libs.private) since all are static.
set(ENV{PKG_CONFIG_LIBDIR} "${NTR_WIN_PREFIX}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(PKG_CONFIG_ARGN --static CACHE STRING "Arguments for pkg-config: static libraries")

set(BUILD_SHARED_LIBS OFF CACHE BOOL "Static libraries only")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
