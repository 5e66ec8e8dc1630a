#!/usr/bin/env bash
# test.sh - set up the machine and run every test of asyncc.
#
#   1. scripts/setup.sh (installs missing Debian packages)
#   2. build/       -DASYNCC_WERROR=ON, then ctest
#   3. build-asan/  -DASAN=ON -DUBSAN=ON, then ctest
#   4. scripts/test-install.sh on build/ (find_package and pkg-config)
#
# Exits non-zero on the first failure.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${ASYNCC_JOBS:-2}

step() { printf '\n==== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "build (warnings as errors)"
cmake -S . -B build -DASYNCC_WERROR=ON -DASYNCC_BUILD_TESTS=ON
cmake --build build -j"$jobs"

step "test"
ctest --test-dir build --output-on-failure -j"$jobs"

step "build with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DASAN=ON -DUBSAN=ON -DASYNCC_WERROR=ON \
  -DASYNCC_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=Debug
cmake --build build-asan -j"$jobs"

step "test under sanitizers"
ASAN_OPTIONS=detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

step "install and use"
bash scripts/test-install.sh build

printf '\ntest.sh: all tests passed\n'
