/* do { ... await ... } while (c); runs the body at least once. */
#include <asyncc.h>
#include <stdio.h>

static async int halve(int x) {
  await(asyncc_yield());
  return x / 2;
}

async int amain(void) {
  int x = 100;
  int rounds = 0;
  do {
    x = await(halve(x));
    rounds++;
    printf("x=%d rounds=%d\n", x, rounds);
  } while (x > 3);
  int once = 0;
  do {
    once = await(halve(once + 40));
    printf("once=%d\n", once);
  } while (0);
  printf("done %d %d %d\n", x, rounds, once);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
