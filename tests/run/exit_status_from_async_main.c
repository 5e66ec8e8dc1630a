/* The value returned by the async main becomes the process exit status. */
#include <asyncc.h>
#include <stdio.h>

static async int compute(int x) {
  await(asyncc_sleep(2));
  return x % 7;
}

async int amain(void) {
  int rc = await(compute(38));
  printf("exiting with %d\n", rc);
  return rc;
}

int main(void) { return asyncc_run(amain()); }
