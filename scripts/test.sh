#!/usr/bin/env bash
# test.sh - set up the machine and run every test of asyncc.
#
#   1. scripts/setup.sh (installs missing Debian packages)
#   2. build/       -DASYNCC_WERROR=ON, then ctest (the benchmarks are built,
#                   never run: bench/run runs them)
#   3. build-asan/  -DASAN=ON -DUBSAN=ON, then ctest
#   4. scripts/test-install.sh on build/ (find_package and pkg-config)
#
# Every stage runs even when an earlier one failed (builds keep going past
# a failing target), so one run reports everything; the exit status is
# non-zero if anything failed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${ASYNCC_JOBS:-2}
failed=()

step() { printf '\n==== %s\n' "$*"; }
run() {  # run <stage name> <command...>: record a failure, keep going
  local name=$1
  shift
  if ! "$@"; then
    printf '\n==== FAILED: %s\n' "$name" >&2
    failed+=("$name")
  fi
}

# Keep building past a failing target: "-k" for make, "-k 0" for ninja.
keep_going() {
  if grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja' "$1/CMakeCache.txt"; then
    echo "-k 0"
  else
    echo "-k"
  fi
}

step "setup"
bash scripts/setup.sh

step "build (warnings as errors)"
cmake -S . -B build -DASYNCC_WERROR=ON -DASYNCC_BUILD_TESTS=ON \
  -DASYNCC_BUILD_BENCH=ON
# shellcheck disable=SC2046
run "build" cmake --build build -j"$jobs" -- $(keep_going build)

step "test"
run "test" ctest --test-dir build --output-on-failure -j"$jobs"

step "build with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DASAN=ON -DUBSAN=ON -DASYNCC_WERROR=ON \
  -DASYNCC_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=Debug
# shellcheck disable=SC2046
run "build-asan" cmake --build build-asan -j"$jobs" -- $(keep_going build-asan)

step "test under sanitizers"
run "test-asan" env ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

step "install and use"
run "test-install" bash scripts/test-install.sh build

if [[ ${#failed[@]} -gt 0 ]]; then
  printf '\ntest.sh: FAILED: %s\n' "${failed[*]}" >&2
  exit 1
fi
printf '\ntest.sh: all tests passed\n'
