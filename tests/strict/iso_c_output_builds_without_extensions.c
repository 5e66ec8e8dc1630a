/* Built from asyncc's output with -std=c99 and -std=c11 (no GNU
 * extensions), -pedantic-errors and -Wmissing-prototypes: the output asks
 * for the POSIX names <uv.h> needs, marks the runtime's anonymous unions,
 * and declares the entry points of extern async functions before defining
 * them; an old-style definition's promoted parameters are converted with
 * casts (-Wconversion). The program uses no feature-test macro of its
 * own. */
#include <asyncc.h>
#include <stdio.h>

#pragma GCC diagnostic ignored "-Wold-style-definition"
#pragma GCC diagnostic ignored "-Wstrict-prototypes"

struct acc {
  long sum;
  int steps;
};

async long add_slowly(long a, long b) {
  await(asyncc_sleep(1));
  return a + b;
}

static async int narrow(c, f)
unsigned char c;
float f;
{
  await(asyncc_yield());
  return c + (int)f;
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
  printf("%ld %d %d %d\n", acc.sum, acc.steps, last, await(narrow(7, 2.5)));
  return acc.sum == 15 ? 0 : 1;
}

int main(void) { return asyncc_run(amain()); }
