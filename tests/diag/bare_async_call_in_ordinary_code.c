/* Calling an async function from ordinary code without asyncc_run(). */
#include <asyncc.h>

static async int work(int x) {
  await(asyncc_sleep(1));
  return x;
}

static int helper(void) {
  return work(1); // expected-error {{call to async function 'work' must be awaited}}
}

int main(void) {
  int r = work(2); // expected-error {{call to async function 'work' must be awaited}}
  return r + helper();
}
