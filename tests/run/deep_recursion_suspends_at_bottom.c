/* An async recursion 100,000 calls deep whose deepest call suspends once:
 * finishing the chain must not grow the C stack with the depth. */
#include <asyncc.h>
#include <stdio.h>

static async long depth(long n) {
  if (n == 0) {
    await(asyncc_yield());
    return 0;
  }
  return 1 + await(depth(n - 1));
}

static async void count_down(long n, long* out) {
  if (n == 0) {
    await(asyncc_sleep(1));
    return;
  }
  await(count_down(n - 1, out));
  (*out)++;
}

async int amain(void) {
  printf("%ld\n", await(depth(100000)));
  long c = 0;
  await(count_down(100000, &c));
  printf("%ld\n", c);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
