/* Locals whose value flows across an await only through a loop's back edge
 * (used at the top of the body, awaited at the bottom), or through a
 * backward goto. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int before = 7;
  int prev = 0;
  for (int i = 0; i < 4; i++) {
    printf("before=%d prev=%d\n", before, prev);
    prev = await(v(i * i));
  }
  int seen = 1;
  int n = 0;
again:
  printf("seen=%d\n", seen);
  if (n < 2) {
    n = await(v(n + 1));
    seen *= 3;
    goto again;
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
