/* hunt repro (session hunt2, #line correctness): the code asyncc generates
 * around the user's text (frame structs, _init/_start/_take/_take_into
 * functions, the resume function's dispatch switch) carries no #line of its
 * own, so it continues the numbering of the last user line before it: in
 * the output, asyncc__step_init, asyncc__step_start and
 * asyncc__after_await_init are attributed to lines 47-53 of this file,
 * i.e. to the body of in_loop(). Consequences:
 *  - gdb 'break X.c:47' (the 'total += await(step(i));' line of
 *    in_loop) gets 2 locations, asyncc__step_init and
 *    asyncc__in_loop_resume, and the program first stops in
 *    asyncc__step_init (v=1) called from after_await (line 40), not in
 *    in_loop; 'break X.c:50' ('return total;') also has a location in
 *    asyncc__step_init; 'break X.c:44' (in_loop's opening line) resolves
 *    only to asyncc__after_await_resume; 'break X.c:49' only to
 *    asyncc__step_init;
 *  - a diagnostic in generated code points at an unrelated user line: with
 *    -std=c99 -Wpedantic, a kept '_Atomic int' local is reported on the
 *    frame field at the line of an await or a blank line
 *    (tests/run/atomic_locals_across_await.c: lines 18 and 23);
 *  - gcov/perf attribute the scaffolding's cost to those user lines.
 * Expected: generated lines are mapped to the output file (a '#line N
 * "X.gen.c"' before each generated run, as bison and re2c do), so 'break
 * X.c:L' has exactly one location, in the function that holds line L.
 * Found by hand with gdb.
 *   build/asyncc X.c -o X.gen.c -- -I include
 *   cc -g -O0 -I include X.gen.c build/libasyncc.a $(pkg-config --libs libuv) -o real
 *   gdb -q -batch -ex 'break generated_code_takes_user_line_numbers.c:47' \
 *       -ex 'info breakpoints' -ex run -ex bt real
 *   # 1.1 in asyncc__step_init, 1.2 in asyncc__in_loop_resume; stops in
 *   # asyncc__step_init (v=1) called from asyncc__after_await_resume */
#include <asyncc.h>
#include <stdio.h>

static async int step(int v) {
  await(asyncc_yield());
  return v + 1;
}

static async int after_await(int k) {
  int a = await(step(k));
  return a * 2;
}

static async int in_loop(int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    total += await(step(i));
    total *= 2;
  }
  return total;
}

static async int amain(void) {
  int a = await(after_await(1));
  int b = await(in_loop(3));
  printf("%d %d\n", a, b);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
