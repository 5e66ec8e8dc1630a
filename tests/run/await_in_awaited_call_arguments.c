/* await(f(await(g()))): the inner await completes first and its value is
 * the argument of the outer async call. */
#include <asyncc.h>
#include <stdio.h>

static async int g(int v) {
  printf("g(%d)\n", v);
  await(asyncc_yield());
  return v + 1;
}

static async int f(int a, int b) {
  printf("f(%d,%d)\n", a, b);
  await(asyncc_sleep(1));
  return a * b;
}

static async int quiet(int v) {
  await(asyncc_yield());
  return v * 10;
}

async int amain(void) {
  int r = await(f(await(g(1)), 5));
  printf("r=%d\n", r);
  r = await(f(await(quiet(1)), await(quiet(2))));
  printf("r=%d\n", r);
  r = await(g(await(g(await(g(0))))));
  printf("r=%d\n", r);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
