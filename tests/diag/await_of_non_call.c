/* await() of something that is not a call: a variable, a constant, an
 * arithmetic expression. */
#include <asyncc.h>

static async int f(void) { return await(asyncc_yield()); }

async int amain(void) {
  int x = 3;
  int a = await(x); // expected-error {{'await' requires a call of an async function}}
  int b = await(42); // expected-error {{'await' requires a call of an async function}}
  return a + b + await(f());
}

int main(void) { return asyncc_run(amain()); }
