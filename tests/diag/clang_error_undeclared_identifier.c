/* Errors in the user's own C are clang's diagnostics, with the user's file
 * and line, also inside async functions that await. */
#include <asyncc.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int a = await(v(1));
  int b = a + undefined_thing; // expected-error {{use of undeclared identifier 'undefined_thing'}}
  return b;
}

int main(void) { return asyncc_run(amain()); }
