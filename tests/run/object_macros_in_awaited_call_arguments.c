/* Object-like and function-like macros (NULL, TWICE) in the arguments of
 * an awaited call: the argument text must survive the rewrite (regression:
 * NULL inside await(f(t, NULL)) used to vanish). */
#include <asyncc.h>
#include <stddef.h>
#include <stdio.h>

#define TWICE(x) ((x) * 2)
#define LIMIT 5

static async int show(const char* p, int v) {
  await(asyncc_yield());
  return (p == NULL) + v;
}

async int amain(void) {
  int a = await(show(NULL, TWICE(3)));
  int b = await(show("x", LIMIT));
  printf("%d %d\n", a, b);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
