/* An await in a parameter's array bound, which C evaluates on entry to
 * the function: asyncc does not support it, and says so (it said the
 * bound was an unevaluated operand whose call would never run). */
#include <asyncc.h>

static async int id(int v) {
  await(asyncc_yield());
  return v;
}

async int f(int n, int a[await(id(n))]) { // expected-error {{'await' in the declaration of parameter 'a'}}
  return a[0] + await(id(n));
}
