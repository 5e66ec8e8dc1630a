/* asyncc_run() (which runs the event loop to completion) called from
 * inside an async function. */
#include <asyncc.h>

static async int work(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int r = asyncc_run(work(1)); // expected-error {{asyncc_run() inside an async function}}
  return r;
}

int main(void) { return asyncc_run(amain()); }
