/* Async functions defined with empty parentheses, as the README's main
 * program is often written (no prototype before C23, no parameters, not
 * variadic), awaited and run; a local pointer to an unprototyped function
 * kept across an await; an old-style definition after an f(); declaration.
 * The first were rejected as variadic (hunt repro
 * empty_parens_not_variadic); the last got _start/_init without parameters
 * (knr_definition_after_empty_declaration). */
#include <asyncc.h>
#include <stdio.h>

#pragma GCC diagnostic ignored "-Wold-style-definition"
#pragma GCC diagnostic ignored "-Wstrict-prototypes"

static async int four() {
  await(asyncc_yield());
  return 4;
}

static int plus_one(int x) { return x + 1; }

static async int kr();
static async int twice(); /* defined with a prototype after amain */

static async int kr(a, b)
int a;
int b;
{
  await(asyncc_yield());
  return a * 10 + b;
}

async int amain() {
  int (*old_style)() = plus_one;
  int a = await(four());
  printf("%d %d %d %d\n", a, old_style(a), await(kr(1, 2)), await(twice(5)));
  return 0;
}

static async int twice(int a) {
  await(asyncc_yield());
  return a * 2;
}

int main(void) { return asyncc_run(amain()); }
