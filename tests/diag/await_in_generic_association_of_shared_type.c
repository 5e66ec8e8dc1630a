/* An await in a _Generic association whose type another association
 * shares: libclang does not say which association is selected, so asyncc
 * cannot tell whether the await runs. */
#include <asyncc.h>

static async unsigned f(unsigned x) { return await(asyncc_yield()) + x; }

async int amain(void) {
  unsigned x = 1u;
  unsigned g = _Generic(x, unsigned: await(f(1u)), default: 0u); // expected-error {{asyncc cannot tell which one is selected}}
  return (int)g;
}

int main(void) { return asyncc_run(amain()); }
