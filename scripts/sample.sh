#!/usr/bin/env bash
# Sets up, builds, and compiles the bundled sample period (data/samples/2024) into ./out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build -j"$(nproc)" --target ntreport
./build/ntreport build --config data/samples/2024/ntreport.toml -o out
