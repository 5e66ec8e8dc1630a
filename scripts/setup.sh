#!/usr/bin/env bash
# setup.sh - install what asyncc needs to build and test, on Debian.
#
# Idempotent: only packages that are missing are installed, and apt-get
# update runs only when something must be installed. Uses sudo when not
# run as root.
set -euo pipefail

packages=(
  build-essential   # gcc, make, libc headers
  cmake             # >= 3.20
  pkg-config        # finds libuv, cmocka and the installed asyncc.pc
  libclang-19-dev   # the libclang C API asyncc is built on (/usr/lib/llvm-19)
  libuv1-dev        # the event loop under the runtime
  libcmocka-dev     # unit tests
  libhttp-parser-dev # samples/http_get parses responses (optional: skipped if absent)
  python3           # test helpers
  git               # the tests build from a clone
  clang             # clang++ -std=c++20: the benchmarks' C++20 coroutine peer
  csmith            # random C programs for the law fuzzer (law.csmith)
  libcsmith-dev     # csmith.h, which its programs include
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all packages present (${packages[*]})"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
else
  if ! command -v sudo >/dev/null; then
    echo "setup: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
