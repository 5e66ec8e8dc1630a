/* x = 1 + await(f()) * k and friends: an await deep inside a larger
 * expression, with the other operands free of side effects. */
#include <asyncc.h>
#include <stdio.h>

static async int f(int v) {
  await(asyncc_yield());
  return v;
}

static async int g(int v) { return v * 2; }

async int amain(void) {
  int k = 3;
  int x = 1 + await(f(4)) * k;
  printf("x=%d\n", x);
  x = (await(f(x)) - 1) / (k + await(g(1)));
  printf("x=%d\n", x);
  x = -await(f(x)) + ~await(g(2)) + !await(f(0));
  printf("x=%d\n", x);
  unsigned m = (unsigned)await(f(0xFF)) & ((unsigned)await(g(8)) << 2);
  printf("m=%u\n", m);
  double r = await(f(7)) / 2.0 + 0.25 * await(g(3));
  printf("r=%.3f\n", r);
  int cmp = (await(f(5)) < await(g(3))) + (await(f(6)) == await(g(3)));
  printf("cmp=%d\n", cmp);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
