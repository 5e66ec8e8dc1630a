#include <stdio.h>

#include "a.h"

async bool is_odd(unsigned n) {
  if (n == 0) return false;
  return await(is_even(n - 1));
}

static async int amain(void) {
  for (unsigned n = 0; n < 5; n++)
    printf("%u even=%d odd=%d\n", n, await(is_even(n)), await(is_odd(n)));
  printf("%d\n", await(is_even(1001)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
