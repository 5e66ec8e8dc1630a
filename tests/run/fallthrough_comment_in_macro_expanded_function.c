/* A fall-through comment in a function asyncc prints macro-expanded (TRY
 * hides an await): the printed text loses comments, so the function is
 * wrapped in a GCC diagnostic pragma against -Wimplicit-fallthrough, which
 * -Wextra enables (law repro fallthrough_comment_macro_expanded.c). */
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
