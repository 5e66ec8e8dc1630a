/* An await in the size of a variable-length array (one- and
 * two-dimensional) that no later await outlives: the await runs first,
 * then the array is declared with the size as written. */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

static async unsigned sum_vla(unsigned k) {
  unsigned total = await(f(k));
  unsigned vla[await(f(k)) % 4u + 1u];
  for (unsigned i = 0u; i < sizeof vla / sizeof vla[0]; i++) vla[i] = i * k;
  total += vla[1] + (unsigned)sizeof vla;
  return total;
}

async int amain(void) {
  unsigned s = await(sum_vla(2u));
  unsigned n = 2u;
  int m[n][await(f(n))];
  m[1][6] = 5;
  printf("%u %u %d\n", s, (unsigned)sizeof m, m[1][6]);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
