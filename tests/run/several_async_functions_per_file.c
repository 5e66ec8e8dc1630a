/* Several async functions, static and external, calling each other in a
 * chain, defined in an order that needs no prototypes. */
#include <asyncc.h>
#include <stdio.h>

static async int a1(int x) {
  await(asyncc_sleep(1));
  return x + 1;
}
async int a2(int x) { return await(a1(x)) * 2; }
static async int a3(int x) {
  int y = await(a2(x));
  await(asyncc_yield());
  return y + await(a1(y));
}
async int a4(int x) { return await(a3(x)) - await(a2(x)); }
static async void a5(int x) { printf("a5 %d\n", await(a4(x))); }

async int amain(void) {
  printf("a1 %d\n", await(a1(1)));
  printf("a2 %d\n", await(a2(1)));
  printf("a3 %d\n", await(a3(1)));
  printf("a4 %d\n", await(a4(1)));
  await(a5(2));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
