/* asyncc_run() called several times from ordinary code, from a helper
 * function and with a void async function; each run completes before the
 * next starts. */
#include <asyncc.h>
#include <stdio.h>

static int state;

static async int work(int n) {
  await(asyncc_sleep(1));
  state += n;
  printf("work %d state %d\n", n, state);
  return state;
}

static async void vwork(void) {
  await(asyncc_yield());
  printf("vwork\n");
}

static int helper(int n) { return asyncc_run(work(n)) * 2; }

int main(void) {
  int a = asyncc_run(work(1));
  printf("a=%d\n", a);
  printf("helper=%d\n", helper(10));
  asyncc_run(vwork());
  for (int i = 0; i < 3; i++) printf("loop %d\n", asyncc_run(work(i)));
  return asyncc_run(work(0)) == 14 ? 0 : 1;
}
