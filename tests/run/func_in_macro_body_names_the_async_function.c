/* __func__ (and __FUNCTION__) spelled in a macro's body, used in an async
 * function that nothing else makes asyncc expand: it names the async
 * function, as spelled directly, not its resume function. */
#include <asyncc.h>
#include <stdio.h>

#define LOG(x) printf("%s %u\n", __func__, (x))
#define WHO() __FUNCTION__

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  LOG(x * 3u + 1u);
  printf("%s %s\n", WHO(), __func__);
  return 0u;
}

async int amain(void) { return (int)await(f(1u)); }

int main(void) { return asyncc_run(amain()); }
