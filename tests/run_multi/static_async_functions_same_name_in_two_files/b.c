#include <stdio.h>

#include "a.h"

static async int step(int x) {
  await(asyncc_sleep(1));
  printf("b.c step %d\n", x);
  return x - 1;
}

async int from_b(int x) { return await(step(x)) * 100; }

static async int amain(void) {
  printf("%d\n", await(from_a(1)));
  printf("%d\n", await(from_b(1)));
  printf("%d\n", await(step(5)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
