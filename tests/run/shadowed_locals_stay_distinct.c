/* An inner-block local with the same name as an outer one (and as a
 * parameter and a global) is a different object across awaits. */
#include <asyncc.h>
#include <stdio.h>

static int x = 1000;

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

static async int shadow(int x) {
  printf("param x=%d\n", x);
  {
    int x = await(v(2));
    printf("block x=%d\n", x);
    {
      int x = await(v(3));
      x += await(v(10));
      printf("inner x=%d\n", x);
    }
    printf("block x=%d\n", x);
    x++;
    await(asyncc_yield());
    printf("block x=%d\n", x);
  }
  printf("param x=%d\n", x);
  for (int x = 0; x < 2; x++) {
    await(asyncc_yield());
    printf("loop x=%d\n", x);
  }
  return x;
}

async int amain(void) {
  printf("global x=%d\n", x);
  int r = await(shadow(1));
  printf("r=%d\n", r);
  {
    int x = await(v(5));
    printf("amain block x=%d\n", x);
  }
  x += await(v(1));
  printf("global x=%d\n", x);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
