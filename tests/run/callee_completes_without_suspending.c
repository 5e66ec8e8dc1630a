/* Awaiting calls that finish without suspending, chained several levels
 * deep, mixed with calls that do suspend; order of output is program order. */
#include <asyncc.h>
#include <stdio.h>

static async int sync_leaf(int x) {
  printf("sync_leaf %d\n", x);
  return x + 1;
}
static async int sync_mid(int x) { return await(sync_leaf(x)) * 2; }
static async int sync_top(int x) {
  int a = await(sync_mid(x));
  int b = await(sync_mid(a));
  return a + b;
}
static async int quiet_leaf(int x) { return x + 1; }
static async int maybe(int x) {
  if (x % 2) await(asyncc_yield());
  printf("maybe %d\n", x);
  return x;
}

async int amain(void) {
  printf("top %d\n", await(sync_top(1)));
  int s = 0;
  for (int i = 0; i < 5; i++) s += await(maybe(i));
  printf("s %d\n", s);
  for (int i = 0; i < 10000; i++) s += await(quiet_leaf(i)) - i;
  printf("s %d\n", s);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
