/* break and continue in for loops whose bodies await, before and after
 * the await; in nested loops they affect the innermost loop only. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  for (int i = 0; i < 10; i++) {
    if (i == 1) continue;
    int x = await(v(i));
    if (x == 3) continue;
    if (x == 6) break;
    printf("i=%d\n", i);
  }
  for (int i = 0; i < 3; i++) {
    for (int j = 0; j < 3; j++) {
      if (await(v(j)) == 1) continue;
      if (await(v(i + j)) == 3) break;
      printf("i=%d j=%d\n", i, j);
    }
    if (i == 1) continue;
    printf("outer i=%d\n", i);
  }
  for (;;) {
    if (await(v(1))) break;
  }
  printf("done\n");
  return 0;
}

int main(void) { return asyncc_run(amain()); }
