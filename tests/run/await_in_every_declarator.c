/* int a = await(f()), b = await(g(a)); each declarator's initializer is
 * evaluated in order and can use the earlier ones. */
#include <asyncc.h>
#include <stdio.h>

static async int f(int v) {
  printf("f %d\n", v);
  await(asyncc_yield());
  return v + 1;
}

async int amain(void) {
  int a = await(f(1)), b = await(f(a)), c, d = a + b + await(f(b));
  c = 0;
  printf("a=%d b=%d c=%d d=%d\n", a, b, c, d);
  int *p = &a, q = await(f(*p)), arr[2] = {await(f(10)), 0};
  printf("*p=%d q=%d arr=%d,%d\n", *p, q, arr[0], arr[1]);
  long x = 5, y = await(f((int)x)), z = x + y;
  printf("x=%ld y=%ld z=%ld\n", x, y, z);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
