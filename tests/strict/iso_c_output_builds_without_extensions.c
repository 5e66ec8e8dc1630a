/* Built from asyncc's output with -std=c99 and -std=c11 (no GNU
 * extensions), -pedantic-errors and -Wmissing-prototypes: the output asks
 * for the POSIX names <uv.h> needs, marks the runtime's anonymous unions,
 * and declares the entry points of extern async functions before defining
 * them. The program uses no feature-test macro of its own. */
#include <asyncc.h>
#include <stdio.h>

struct acc {
  long sum;
  int steps;
};

async long add_slowly(long a, long b) {
  await(asyncc_sleep(1));
  return a + b;
}

static async int step(struct acc* acc, int i) {
  await(asyncc_yield());
  acc->sum = await(add_slowly(acc->sum, i));
  acc->steps++;
  return acc->steps;
}

async int amain(void) {
  struct acc acc = {0, 0};
  int i, last = 0;
  for (i = 1; i <= 5; i++) last = await(step(&acc, i));
  printf("%ld %d %d\n", acc.sum, acc.steps, last);
  return acc.sum == 15 ? 0 : 1;
}

int main(void) { return asyncc_run(amain()); }
