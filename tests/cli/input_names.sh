#!/usr/bin/env bash
# input_names.sh ASYNCC INCLUDE_DIR - the input is C whatever its name: a
# file without an extension (libclang alone takes it for a precompiled
# AST: "libclang failed (error 4)") or named .cpp (where C++ would reject
# a variable named new) is transpiled as C.
. "$(dirname "$0")/common.sh"

cat > prog <<'C'
#include <asyncc.h>
async int f(void) {
  int new = 1;
  await(asyncc_yield());
  return new;
}
C
cp prog prog.cpp
for input in prog prog.cpp; do
  "$asyncc" "$input" -o out.c -- -I "$inc" 2> err.txt ||
    fail "$input: exit $?: $(cat err.txt)"
  grep -q "asyncc__f_resume" out.c || fail "$input: no state machine"
  rm -f out.c
done
echo ok
