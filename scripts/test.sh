#!/usr/bin/env bash
# Sets up, builds with warnings as errors, and runs every test (unit and golden).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNTR_WERROR=ON > /dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
