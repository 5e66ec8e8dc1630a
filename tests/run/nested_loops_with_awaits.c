/* for / while / do nested three deep with awaits at every level and in the
 * inner conditions. */
#include <asyncc.h>
#include <stdio.h>

static async int lt(int a, int b) {
  await(asyncc_yield());
  return a < b;
}

async int amain(void) {
  int count = 0;
  for (int i = 0; i < 3; i++) {
    int j = 0;
    await(asyncc_yield());
    while (await(lt(j, i))) {
      int k = 0;
      do {
        count += await(lt(k, j)) + 1;
        k++;
      } while (await(lt(k, 2)));
      j++;
      printf("i=%d j=%d count=%d\n", i, j, count);
    }
  }
  printf("count=%d\n", count);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
