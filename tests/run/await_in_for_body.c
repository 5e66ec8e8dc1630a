/* The for loop from issue 2's example, plus a for with an outer-declared
 * counter and one without braces. */
#include <asyncc.h>
#include <stdio.h>

static async int add_later(int a, int b) {
  await(asyncc_yield());
  return a + b;
}

async int amain(void) {
  int s = 0;
  for (int i = 0; i < 10; i++) s += await(add_later(i, 1));
  printf("%d\n", s);
  int j;
  for (j = 5; j > 0; j -= 2) {
    int t = await(add_later(j, j));
    printf("j=%d t=%d\n", j, t);
  }
  printf("j=%d\n", j);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
