#!/bin/sh
# sh run.sh PREFIX   (PREFIX: an installed asyncc; needs ninja)
here=$(cd "$(dirname "$0")" && pwd)
b=$(mktemp -d); trap 'rm -rf "$b"' EXIT
cmake -S "$here" -B "$b" -G "Ninja Multi-Config" -DCMAKE_CROSS_CONFIGS=all \
  -DCMAKE_PREFIX_PATH="$1" >/dev/null || exit 2
cmake --build "$b" --target all:all -j2 || exit 2
"$b/Release/app"; echo "Release exit $?"   # expected: release, exit 0
