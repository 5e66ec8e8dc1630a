/* int x = await(f()); the declared local gets the callee's value and keeps
 * it across later awaits. */
#include <asyncc.h>
#include <stdio.h>

static async int slow_square(int x) {
  await(asyncc_sleep(1));
  return x * x;
}

static async long fast_twice(long x) { return 2 * x; }

async int amain(void) {
  int a = await(slow_square(7));
  printf("a=%d\n", a);
  long b = await(fast_twice(a));
  printf("b=%ld\n", b);
  int c = await(slow_square(a - 40));
  await(asyncc_yield());
  printf("a=%d b=%ld c=%d\n", a, b, c);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
