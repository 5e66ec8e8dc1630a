#include <stdio.h>

#include "a.h"

static async int step(int x) {
  await(asyncc_yield());
  printf("a.c step %d\n", x);
  return x + 1;
}

async int from_a(int x) { return await(step(x)) * 10; }
