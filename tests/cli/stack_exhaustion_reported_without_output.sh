#!/usr/bin/env bash
# stack_exhaustion_reported_without_output.sh ASYNCC INCLUDE_DIR - an
# input nested deeper than any stack (a sum of 3,000,000 terms: clang's
# parser recurses once per operator) makes asyncc run out of stack. It
# must not die silently with a temporary output file left behind: it says
# so, exits with status 2, leaves an existing output file as it was and
# writes nothing to standard output.
. "$(dirname "$0")/common.sh"

{
  echo '#include <asyncc.h>'
  echo 'static async int id(int x) { await(asyncc_yield()); return x; }'
  echo 'async int amain(void) {'
  echo '  int x = await(id(1));'
  printf '  long s = '
  yes '1 +' | head -n 3000000 | tr '\n' ' '
  echo 'x;'
  echo '  return (int)(s % 100);'
  echo '}'
} > deep.c

mkdir o
echo 'previous' > o/out.c
"$asyncc" deep.c -o o/out.c -- -I "$inc" > stdout.txt 2> err.txt
rc=$?
[ $rc -eq 2 ] || fail "exit status $rc (want 2): $(head -c 300 err.txt)"
grep -q '^asyncc: error: out of stack space' err.txt ||
  fail "no message saying why: $(head -c 300 err.txt)"
[ "$(ls -A o)" = "out.c" ] || fail "files left behind: $(ls -A o)"
[ "$(cat o/out.c)" = "previous" ] || fail "the existing output was changed"
[ ! -s stdout.txt ] || fail "wrote to standard output"
"$asyncc" deep.c -- -I "$inc" > stdout.txt 2> err.txt
rc=$?
[ $rc -eq 2 ] || fail "to stdout: exit status $rc (want 2)"
[ ! -s stdout.txt ] || fail "to stdout: wrote $(wc -c < stdout.txt) bytes"
echo ok
