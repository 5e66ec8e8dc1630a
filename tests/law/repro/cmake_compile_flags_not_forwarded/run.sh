#!/bin/sh
# sh run.sh PREFIX   (PREFIX: an installed asyncc, cmake --install build --prefix PREFIX)
set -e
here=$(cd "$(dirname "$0")" && pwd)
b=$(mktemp -d); trap 'rm -rf "$b"' EXIT
CFLAGS="-DFROM_JOINED=5 -D FROM_SPLIT=6 -I$here/inc" \
  cmake -S "$here" -B "$b" -DCMAKE_PREFIX_PATH="$1" >/dev/null
cmake --build "$b" && "$b/app"   # expected: 5 6 7 1
