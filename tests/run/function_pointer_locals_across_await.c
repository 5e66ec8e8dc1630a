/* Function pointer locals and arrays of them (ordinary functions) kept
 * across awaits and called after. */
#include <asyncc.h>
#include <stdio.h>

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
typedef int (*binop)(int, int);

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int (*op)(int, int) = add;
  binop ops[2] = {add, mul};
  await(v(0));
  printf("%d\n", op(await(v(3)), 4));
  op = ops[await(v(1))];
  await(asyncc_sleep(1));
  printf("%d\n", op(3, 4));
  for (int i = 0; i < 2; i++) printf("%d\n", ops[i](await(v(5)), 6));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
