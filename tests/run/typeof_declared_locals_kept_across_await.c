/* Locals declared with __typeof__ of another local (a scalar, an array, an
 * expression) and kept across an await: the frame spells their types out,
 * since the typeof names a local of the function. */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

async int amain(void) {
  unsigned ck = 4u;
  unsigned arr[3] = {1u, 2u, 3u};
  __typeof__(ck) ty = ck + 1u;
  __typeof__(arr) a2 = {4u, 5u, 6u};
  __typeof__(ck + 1ull) wide = 7u;
  const __typeof__(ty) c = 9u;
  ty += await(f(ty));
  printf("%u %u %u %u %u\n", ty, a2[1], (unsigned)sizeof a2,
         (unsigned)(wide + sizeof wide), c);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
