/* for (...; ...; i = await(step(i))): the increment is awaited after every
 * iteration, also after continue. */
#include <asyncc.h>
#include <stdio.h>

static async int step(int i) {
  printf("step %d\n", i);
  await(asyncc_yield());
  return i + 3;
}

async int amain(void) {
  int sum = 0;
  for (int i = 0; i < 10; i = await(step(i))) {
    if (i == 3) continue;
    sum += i;
    printf("body %d\n", i);
  }
  printf("sum=%d\n", sum);
  int i, j;
  for (i = 0, j = 0; i < 2; i++, j = await(step(j))) printf("i=%d j=%d\n", i, j);
  printf("i=%d j=%d\n", i, j);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
