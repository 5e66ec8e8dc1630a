/* hunt repro (session hunt2, warnings in generated code): in a function
 * asyncc macro-expands (here because TRY() hides an await), a
 * 'fall through' comment (a C comment holding those words) before a case label is dropped with the
 * rest of the comments when libclang pretty-prints the function, so GCC's
 * -Wimplicit-fallthrough (in -Wextra) warns "this statement may fall
 * through" in the output; with -Werror the build fails, where the source
 * builds cleanly with the same flags (GCC honours the comment). The same
 * switch in a function that is not macro-expanded keeps its comment and
 * builds cleanly. Expected: the expanded text keeps the fall-through
 * marker (e.g. the comment, or __attribute__((fallthrough)) under GCC /
 * clang). Prints "12 10 -1" both ways.
 *   gcc -Wextra -Werror -I tests/sync -c X.c -o /dev/null           # ok
 *   build/asyncc X.c -o X.gen.c -- -I include
 *   gcc -Wextra -Werror -I include -c X.gen.c -o /dev/null          # fails
 * (clang never reads comments: it warns on the source too.) */
#include <asyncc.h>
#include <stdio.h>

#define TRY(x) \
  do { \
    if ((x) < 0) return -1; \
  } while (0)

static async int step(int v) {
  await(asyncc_yield());
  return v + 1;
}

static async int classify(int k) {
  int acc = 0;
  switch (k) {
  case 0:
    TRY(acc = await(step(1)));
    /* fall through */
  case 1:
    acc += 10;
    break;
  default:
    acc = -1;
    break;
  }
  return acc;
}

static async int amain(void) {
  int a = await(classify(0));
  int b = await(classify(1));
  int c = await(classify(2));
  printf("%d %d %d\n", a, b, c);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
