/* Several independent errors in one file are all reported, each at its
 * own line, in one run. */
#include <asyncc.h>

static async int f(int x) {
  await(asyncc_yield());
  return x;
}

static int plain(void) {
  return await(f(1)); // expected-error {{'await' outside of an async function}}
}

async int amain(void) {
  f(2); // expected-error {{call to async function 'f' must be awaited}}
  int (*p)(int) = f; // expected-error {{address of async function 'f'}}
  int n = await(plain()); // expected-error {{'await' requires a call of an async function}}
  return n + p(0);
}

static async int g(int n, ...) { return n; } // expected-error {{variadic async function}}

int main(void) { return asyncc_run(amain()) + plain() + asyncc_run(g(1)); }
