/* Direct recursion: each activation has its own frame with its own
 * parameters and locals across awaits. */
#include <asyncc.h>
#include <stdio.h>

static async int fib(int n) {
  if (n < 2) {
    if (n == 1) await(asyncc_yield());
    return n;
  }
  int a = await(fib(n - 1));
  int b = await(fib(n - 2));
  return a + b;
}

static async int sum_tree(int depth, int label) {
  int here = label;
  if (depth == 0) {
    await(asyncc_yield());
    return here;
  }
  int left = await(sum_tree(depth - 1, label * 2));
  int right = await(sum_tree(depth - 1, label * 2 + 1));
  if (depth >= 3) printf("depth %d label %d: %d+%d+%d\n", depth, label, left, here, right);
  return left + here + right;
}

async int amain(void) {
  for (int i = 0; i <= 15; i += 5) printf("fib(%d)=%d\n", i, await(fib(i)));
  printf("tree=%d\n", await(sum_tree(4, 1)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
