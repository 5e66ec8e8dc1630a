/* Calling an async function without await inside an async function: as a
 * statement, in an initializer, and as an argument of an awaited call. */
#include <asyncc.h>

static async int f(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  f(1); // expected-error {{call to async function 'f' must be awaited}}
  int y = f(2); // expected-error {{call to async function 'f' must be awaited}}
  int z = await(f(f(3))); // expected-error {{call to async function 'f' must be awaited}}
  asyncc_yield(); // expected-error {{call to async function 'asyncc_yield' must be awaited}}
  return y + z;
}

int main(void) { return asyncc_run(amain()); }
