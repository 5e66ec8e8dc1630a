/* await() in the operand of sizeof, which is never evaluated. */
#include <asyncc.h>

async int f(void) { return await(asyncc_yield()); }

async int amain(void) {
  unsigned long a = sizeof(await(f())); // expected-error {{'await' in an unevaluated operand}}
  unsigned long b = sizeof await(f()); // expected-error {{'await' in an unevaluated operand}}
  return (int)(a + b);
}

int main(void) { return asyncc_run(amain()); }
