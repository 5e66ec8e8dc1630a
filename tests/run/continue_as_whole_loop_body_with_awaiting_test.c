/* A bare 'continue;' that is the whole (unbraced) body of a do/while or
 * for loop whose test or increment awaits: it must jump to the rewritten
 * test/increment, not skip it (the program used to hang). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

async int amain(void) {
  unsigned n = 0u, i, j = 0u;
  do
    continue;
  while (++n < 3u && await(f(n)) != 0u);
  for (i = 0u; i < 3u; i += await(f(i)) % 2u + 1u)
    continue;
  for (; await(f(j)) < 10u; j++)
    continue;
  printf("%u %u %u\n", n, i, j);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
