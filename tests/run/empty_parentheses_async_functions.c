/* Async functions defined with empty parentheses, as the README's main
 * program is often written (no prototype before C23, no parameters, not
 * variadic), awaited and run; and a local pointer to an unprototyped
 * function kept across an await. They were rejected as variadic (hunt
 * repro empty_parens_not_variadic). */
#include <asyncc.h>
#include <stdio.h>

#pragma GCC diagnostic ignored "-Wold-style-definition"
#pragma GCC diagnostic ignored "-Wstrict-prototypes"

static async int four() {
  await(asyncc_yield());
  return 4;
}

static int plus_one(int x) { return x + 1; }

async int amain() {
  int (*old_style)() = plus_one;
  int a = await(four());
  printf("%d %d\n", a, old_style(a));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
