/* break and continue in while loops around awaits, with the condition
 * re-checked after continue. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int x) {
  await(asyncc_sleep(1));
  return x;
}

async int amain(void) {
  int i = 0;
  while (i < 10) {
    i = await(v(i + 1));
    if (i % 3 == 0) continue;
    if (i == 8) break;
    printf("i=%d\n", i);
  }
  printf("after i=%d\n", i);
  int n = 0;
  while (1) {
    n++;
    if (n < 3) continue;
    if (await(v(n)) >= 5) break;
    printf("n=%d\n", n);
  }
  printf("after n=%d\n", n);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
