/* for (int i = await(start()), j = ...; ...): the init clause's declarations
 * run once, and the loop variables are scoped to the loop. */
#include <asyncc.h>
#include <stdio.h>

static async int start(int v) {
  printf("start %d\n", v);
  await(asyncc_yield());
  return v;
}

async int amain(void) {
  int i = 100;
  for (int i = await(start(1)), j = await(start(i * 10)); i < 4; i++, j--) {
    printf("i=%d j=%d\n", i, j);
    await(asyncc_yield());
  }
  printf("outer i=%d\n", i);
  int k;
  for (k = await(start(7)); k < 9; k++) printf("k=%d\n", k);
  printf("k=%d\n", k);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
