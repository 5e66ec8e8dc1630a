/* A loop body with several awaits in sequence, in branches and nested
 * blocks; all loop-carried values are preserved. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_sleep((uint64_t)(n & 1)));
  return n;
}

async int amain(void) {
  int prev = 0, cur = 1;
  for (int i = 0; i < 8; i++) {
    int a = await(v(prev));
    int b = await(v(cur));
    if (i % 2) {
      await(asyncc_yield());
      prev = b;
      cur = a + b;
    } else {
      int t = await(v(a + b));
      prev = b;
      cur = t;
    }
    printf("i=%d prev=%d cur=%d\n", i, prev, cur);
    await(v(i));
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
