/* __func__ inside an async function names that function, before and after
 * an await, as in the synchronous reading. */
#include <asyncc.h>
#include <stdio.h>

static async int named(void) {
  printf("%s\n", __func__);
  await(asyncc_yield());
  printf("%s\n", __func__);
  return 0;
}

async int amain(void) {
  await(named());
  printf("%s\n", __func__);
  return 0;
}

int main(void) {
  printf("%s\n", __func__);
  return asyncc_run(amain());
}
