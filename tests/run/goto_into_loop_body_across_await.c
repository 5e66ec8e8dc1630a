/* A goto into the middle of a loop body (skipping the first half of the
 * first iteration), and a label directly on an await statement. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int i = 0;
  int acc = 0;
  goto middle;
  while (i < 4) {
    acc += await(v(100));
  middle:
    acc += await(v(1));
    i++;
    printf("i=%d acc=%d\n", i, acc);
  }
  int tries = 0;
retry:
  await(asyncc_yield());
  if (++tries < 3) goto retry;
  printf("tries=%d\n", tries);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
