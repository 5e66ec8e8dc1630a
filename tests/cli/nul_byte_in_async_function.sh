#!/usr/bin/env bash
# nul_byte_in_async_function.sh ASYNCC INCLUDE_DIR - a NUL byte inside an
# async function (clang only warns and skips it) is an error at its line
# and column, exit 1 and no output; outside async functions it is copied.
. "$(dirname "$0")/common.sh"

printf '#include <asyncc.h>\nasync int f(void) {\n  int x = 1;\0 await(asyncc_yield());\n  return x;\n}\n' > in.c
"$asyncc" in.c -o out.c -- -I "$inc" 2> err.txt
rc=$?
[ $rc -eq 1 ] || fail "exit status $rc (want 1)"
grep -q "^in.c:3:13: error: a NUL character in async function 'f'" err.txt ||
  fail "message: $(cat err.txt)"
[ ! -e out.c ] || fail "an output file was written"

printf '#include <asyncc.h>\nstatic int g(void) { return 1; }\0\nasync int f(void) {\n  await(asyncc_yield());\n  return g();\n}\n' > ok.c
"$asyncc" ok.c -o out.c -- -I "$inc" 2> err.txt || fail "NUL outside: $(cat err.txt)"
grep -q "asyncc__f_resume" out.c || fail "NUL outside: no state machine"
echo ok
