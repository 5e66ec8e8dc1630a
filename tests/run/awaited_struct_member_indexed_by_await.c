/* The array member of a struct returned by an awaited call, indexed by an
 * expression that awaits again: the first result must be kept before the
 * second await reuses the callee frame storage (regression found by the
 * law generator, seed small-37). */
#include <asyncc.h>
#include <stdio.h>

struct H {
  unsigned h[3];
};

static async struct H table(unsigned base) {
  await(asyncc_yield());
  struct H r = {{base, base + 1u, base + 2u}};
  return r;
}

static async unsigned pick(unsigned i) {
  await(asyncc_yield());
  return i;
}

async int amain(void) {
  unsigned total = 100u;
  total -= await(table(10u)).h[await(pick(2u))];
  unsigned v = await(table(40u)).h[1u > 0u ? await(pick(1u)) : 0u];
  printf("%u %u\n", total, v);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
