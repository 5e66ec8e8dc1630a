/* static locals in async functions are one object shared by all calls
 * (not one per frame), initialized once, and keep their values. */
#include <asyncc.h>
#include <stdio.h>

static async int counter(void) {
  static int calls;
  static int history[4] = {9, 9, 9, 9};
  int mine = ++calls;
  await(asyncc_yield());
  history[mine % 4] = mine;
  printf("history %d %d %d %d\n", history[0], history[1], history[2],
         history[3]);
  return mine * 100 + calls;
}

static async int* addr(void) {
  static int obj = 5;
  await(asyncc_yield());
  return &obj;
}

static async int recursive(int n) {
  static int depth;
  depth++;
  if (n > 0) await(recursive(n - 1));
  await(asyncc_yield());
  return depth;
}

async int amain(void) {
  printf("%d\n", await(counter()));
  printf("%d\n", await(counter()));
  printf("%d\n", await(counter()));
  int* a = await(addr());
  int* b = await(addr());
  printf("same=%d *a=%d\n", a == b, *a);
  *a = 6;
  printf("%d\n", *await(addr()));
  printf("%d\n", await(recursive(4)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
