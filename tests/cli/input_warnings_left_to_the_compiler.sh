#!/usr/bin/env bash
# input_warnings_left_to_the_compiler.sh ASYNCC INCLUDE_DIR - asyncc
# reports errors in its input, never clang's warnings (it parses with -w):
# the compiler that builds the output reports those, at the user's lines
# (#line). So clang arguments that turn warnings into errors (-Werror, as
# in a project's CFLAGS) do not fail the transpile; a warning that is an
# error by default (a call to an undeclared function) still does.
. "$(dirname "$0")/common.sh"

cat > in.c <<'C'
#include <asyncc.h>
static int unused_helper(void) { return 0; }
async int f(int x) {
  int r = await(asyncc_yield());
  return r + x;
}
C
"$asyncc" in.c -o out.c -- -I "$inc" -Wall -Werror 2> err.txt ||
  fail "a warning failed the transpile (exit $?): $(cat err.txt)"
[ ! -s err.txt ] || fail "asyncc printed: $(cat err.txt)"
cc -std=c11 -Wall -Werror -I "$inc" -c out.c -o out.o 2> cc.txt &&
  fail "the compiler did not report the unused function"
grep -q "in\.c:2:[0-9]*: error: .*unused_helper" cc.txt ||
  fail "the compiler's report is not at in.c:2: $(cat cc.txt)"

cat > bad.c <<'C'
#include <asyncc.h>
async int g(void) {
  await(asyncc_yield());
  return undeclared_function(1);
}
C
"$asyncc" bad.c -o bad.out.c -- -I "$inc" -w 2> err.txt
rc=$?
[ $rc -eq 1 ] || fail "an undeclared function: exit $rc (want 1)"
grep -q "bad\.c:4:[0-9]*: error: .*undeclared_function" err.txt ||
  fail "no error at bad.c:4: $(cat err.txt)"
[ ! -e bad.out.c ] || fail "an error left an output"
echo ok
