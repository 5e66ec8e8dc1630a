/* asyncc_yield() and asyncc_sleep() return 0 on success. */
#include <asyncc.h>
#include <stdio.h>

async int amain(void) {
  int y = await(asyncc_yield());
  int s0 = await(asyncc_sleep(0));
  int s5 = await(asyncc_sleep(5));
  printf("%d %d %d\n", y, s0, s5);
  return y + s0 + s5;
}

int main(void) { return asyncc_run(amain()); }
