/* await() as the controlling expression of _Generic, which is never
 * evaluated. */
#include <asyncc.h>

async int f(void) { return await(asyncc_yield()); }

async int amain(void) {
  int k = _Generic(await(f()), int: 1, default: 0); // expected-error {{'await' in an unevaluated operand}}
  return k;
}

int main(void) { return asyncc_run(amain()); }
