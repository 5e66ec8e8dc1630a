#!/usr/bin/env bash
# check_every_run_program.sh ASYNCC CC INCLUDE_DIR RUNTIME_LIB WORKDIR CFLAGS
#                             SRC...
# asyncc --report's frame sizes are sizeof of the generated frames for every
# program given (tests/run/*.c): members of every kind, in frame order.
set -uo pipefail
asyncc=$1 cc=$2 inc=$3 lib=$4 work=$5 cflags=$6
shift 6
failed=0
for src in "$@"; do
  name=$(basename "$src" .c)
  if ! out=$(SIZES_ONLY=1 bash "$(dirname "$0")/check_report.sh" "$asyncc" \
      "$cc" "$inc" "$lib" "$src" "$work/$name" "$cflags" 2>&1); then
    echo "FAIL $src:"
    echo "$out" | grep -v '^frame of [A-Za-z_0-9]*: [0-9]* bytes$' | head -20
    failed=$((failed + 1))
  fi
done
echo "$# programs, $failed failed"
[ "$failed" -eq 0 ]
