/* break and continue in do/while loops around awaits: continue goes to the
 * (awaiting) condition, break leaves the loop. */
#include <asyncc.h>
#include <stdio.h>

static async int cond(int i) {
  printf("cond %d\n", i);
  await(asyncc_yield());
  return i < 6;
}

static async int v(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int i = 0;
  do {
    i++;
    if (await(v(i)) == 2) continue;
    if (i == 5) break;
    printf("body %d\n", i);
  } while (await(cond(i)));
  printf("after %d\n", i);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
