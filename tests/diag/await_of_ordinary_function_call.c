/* await() of a call of an ordinary (not async) function. */
#include <asyncc.h>
#include <stdio.h>

static int plain(int x) { return x + 1; }

async int amain(void) {
  int r = await(plain(1)); // expected-error {{'await' requires a call of an async function}}
  await(puts("hello")); // expected-error {{'await' requires a call of an async function}}
  return r;
}

int main(void) { return asyncc_run(amain()); }
