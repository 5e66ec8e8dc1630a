/* for (...; await(check(i)); ...): the condition is awaited before every
 * iteration, including the final failing one. */
#include <asyncc.h>
#include <stdio.h>

static async int check(int i) {
  printf("check %d\n", i);
  await(asyncc_sleep((uint64_t)(i % 2)));
  return i < 3;
}

async int amain(void) {
  int n = 0;
  for (int i = 0; await(check(i)); i++) n += i;
  printf("n=%d\n", n);
  for (int i = 5; await(check(i)); i++) printf("never\n");
  int j = 0;
  for (; await(check(j)) && j < 10;) j += 2;
  printf("j=%d\n", j);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
