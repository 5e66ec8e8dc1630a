/* A while loop whose body awaits; the loop counter and accumulator survive
 * every suspension. */
#include <asyncc.h>
#include <stdio.h>

static async int slow_add(int a, int b) {
  await(asyncc_sleep((uint64_t)(a % 3)));
  return a + b;
}

async int amain(void) {
  int i = 0;
  int acc = 0;
  while (i < 6) {
    acc = await(slow_add(acc, i));
    printf("i=%d acc=%d\n", i, acc);
    i++;
  }
  while (acc > 0) acc = await(slow_add(acc, -4));
  printf("end acc=%d i=%d\n", acc, i);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
