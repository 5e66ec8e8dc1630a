/* Calling an undeclared function is an error in C99 and later (clang 16+):
 * reported by clang at the user's line. */
#include <asyncc.h>

async int amain(void) {
  await(asyncc_yield());
  return nosuch_function(3); // expected-error {{call to undeclared function 'nosuch_function'}}
}

int main(void) { return asyncc_run(amain()); }
