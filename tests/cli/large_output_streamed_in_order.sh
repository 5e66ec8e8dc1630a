#!/usr/bin/env bash
# large_output_streamed_in_order.sh ASYNCC INCLUDE_DIR - the output of a
# file is rendered and written on a second thread while asyncc lowers the
# next function, in batches of about 64 KiB of text (emit.c). On an input
# whose output takes many batches:
#   - every declaration comes out once, in the order of the input, and the
#     output compiles;
#   - -o FILE and standard output carry the same text;
#   - an error in the last function leaves no output file, no temporary
#     and nothing on standard output.
. "$(dirname "$0")/common.sh"

n=300
{
  echo '#include <asyncc.h>'
  echo 'static async int f0(int a) { await(asyncc_yield()); return a; }'
  for i in $(seq 1 $((n - 1))); do
    echo "int plain$i(int a) { return a + $i; }"
    echo "static async int f$i(int a) {"
    echo "  int x = await(f$((i - 1))(a)) + plain$i(a);"
    echo "  for (int k = 0; k < 2; k++) x += await(f$((i - 1))(k));"
    echo "  return x;"
    echo "}"
  done
  echo "int main(void) { return asyncc_run(f$((n - 1))(1)) & 1; }"
} > in.c

"$asyncc" in.c -o out.c --no-line -- -I "$inc" 2> err.txt ||
  fail "exit status $?: $(cat err.txt)"
size=$(wc -c < out.c)
[ "$size" -gt $((8 * 65536)) ] || fail "the output is too small to test batches: $size bytes"
grep -o 'async function f[0-9]*,' out.c | tr -dc '0-9\n' > order.txt
seq 0 $((n - 1)) > want.txt
cmp -s order.txt want.txt || fail "functions missing or out of order: $(diff want.txt order.txt | head)"
[ "$(grep -c '^int plain[0-9]*(int a) { return a + [0-9]*; }$' out.c)" -eq $((n - 1)) ] ||
  fail "the plain functions did not pass through once each"
[ "$(tail -n 1 out.c)" = "int main(void) { return asyncc__f$((n - 1))_take(asyncc__run(asyncc__f$((n - 1))_start(1))) & 1; }" ] ||
  fail "the end of the file is not the input's: $(tail -n 2 out.c)"
cc -std=c11 -fsyntax-only -I "$inc" out.c 2> cc.txt || fail "the output does not compile: $(head cc.txt)"

"$asyncc" in.c --no-line -- -I "$inc" > stdout.c 2> err.txt || fail "stdout: $(cat err.txt)"
cmp -s out.c stdout.c || fail "standard output differs from -o: $(cmp out.c stdout.c)"

sed '$d' in.c > bad.c
echo "async int last(void) { return await(no_such_function()); }" >> bad.c
mkdir o
"$asyncc" bad.c -o o/out.c -- -I "$inc" 2> err.txt
rc=$?
[ $rc -eq 1 ] || fail "an error: exit status $rc (want 1): $(cat err.txt)"
[ -z "$(ls -A o)" ] || fail "an error left files: $(ls -A o)"
"$asyncc" bad.c -- -I "$inc" > bad.out 2> err.txt
[ ! -s bad.out ] || fail "an error wrote $(wc -c < bad.out) bytes to standard output"
echo ok
