/* await() inside __typeof__ and _Alignof operands, which are never
 * evaluated. */
#include <asyncc.h>

async int f(void) { return await(asyncc_yield()); }

async int amain(void) {
  __typeof__(await(f())) x = 1; // expected-error {{'await' in an unevaluated operand}}
  unsigned long al = _Alignof(__typeof__(await(f()))); // expected-error {{'await' in an unevaluated operand}}
  return x + (int)al;
}

int main(void) { return asyncc_run(amain()); }
