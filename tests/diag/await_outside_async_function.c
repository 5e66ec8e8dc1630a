/* await() in ordinary functions, including main and inside a loop. */
#include <asyncc.h>

static async int f(void) { return await(asyncc_yield()); }

static int helper(void) {
  int x = await(f()); // expected-error {{'await' outside of an async function}}
  return x;
}

int main(void) {
  int s = helper();
  for (int i = 0; i < 3; i++)
    s += await(f()); // expected-error {{'await' outside of an async function}}
  return s;
}
