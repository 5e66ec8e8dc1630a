/* An await in a _Generic association that is not selected is never
 * evaluated. */
#include <asyncc.h>

static async double d(double x) { return await(asyncc_yield()) + x; }

async int amain(void) {
  unsigned x = 1u;
  unsigned g = _Generic(x, unsigned: 2u, double: await(d(1.0)), default: 0u); // expected-error {{'await' in an unevaluated operand}}
  return (int)g;
}

int main(void) { return asyncc_run(amain()); }
