/* Async functions declared by prototype (static, extern, with and without
 * parameter names, 'async' before or after the storage class) before their
 * definitions, and called before being defined. */
#include <asyncc.h>
#include <stdio.h>

static async int later_static(int);
extern async int later_extern(int x, int y);
async static int spec_order(int x);
async int amain(void);
async int later_extern(int, int);

async int amain(void) {
  printf("%d\n", await(later_static(1)));
  printf("%d\n", await(later_extern(2, 3)));
  printf("%d\n", await(spec_order(4)));
  return 0;
}

static async int later_static(int x) {
  await(asyncc_yield());
  return x + 100;
}

async int later_extern(int a, int b) {
  await(asyncc_sleep(1));
  return a * b + await(later_static(0));
}

static async int spec_order(int x) { return x * x; }

int main(void) { return asyncc_run(amain()); }
