/* A retry loop built from a label and a backward goto across awaits; locals
 * keep their values on each pass. */
#include <asyncc.h>
#include <stdio.h>

static int failures_left = 3;

static async int attempt(int n) {
  await(asyncc_sleep(1));
  printf("attempt %d\n", n);
  return failures_left-- > 0 ? -1 : n * 10;
}

async int amain(void) {
  int tries = 0;
  int r;
again:
  tries++;
  r = await(attempt(tries));
  if (r < 0) {
    await(asyncc_yield());
    goto again;
  }
  printf("r=%d tries=%d\n", r, tries);
  int i = 0;
top:
  if (i < 3) {
    printf("i=%d\n", i);
    i = i + await(attempt(i)) / (i * 10 + 1) + 1;
    goto top;
  }
  printf("i=%d\n", i);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
