/* return await(f()); directly, in expressions, and from nested callers. */
#include <asyncc.h>
#include <stdio.h>

static async int leaf(int x) {
  await(asyncc_sleep(1));
  printf("leaf %d\n", x);
  return x * 3;
}

static async int pass_through(int x) { return await(leaf(x)); }

static async int plus_one(int x) { return await(pass_through(x)) + 1; }

static async int no_suspend(int x) { return x; }

static async int forward_fast(int x) { return await(no_suspend(x + 1)); }

async int amain(void) {
  printf("%d\n", await(pass_through(2)));
  printf("%d\n", await(plus_one(3)));
  printf("%d\n", await(forward_fast(4)));
  return await(leaf(0));
}

int main(void) { return asyncc_run(amain()); }
