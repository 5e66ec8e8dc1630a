/* An await in the selected association of _Generic runs, once: the
 * selected association is the only one with the selection's type. */
#include <asyncc.h>
#include <stdio.h>

static int calls;

static async unsigned f(unsigned x) {
  calls++;
  await(asyncc_yield());
  return x * 3u + 1u;
}

static async double half(double x) {
  calls++;
  await(asyncc_yield());
  return x / 2;
}

async int amain(void) {
  unsigned x = 1u;
  double y = 3.0;
  unsigned g = _Generic(x, unsigned: await(f(1u)), default: "no");
  double h = _Generic(y, double: await(half(y)), float: 2.0f, default: 'c');
  printf("%u %g %d\n", g, h, calls);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
