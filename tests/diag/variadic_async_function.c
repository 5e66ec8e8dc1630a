/* An async function with a variable argument list. */
#include <asyncc.h>
#include <stdarg.h>

static async int sum(int n, ...) { // expected-error {{variadic async function}}
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  await(asyncc_yield());
  return s;
}

async int amain(void) { return await(sum(2, 1, 2)); }

int main(void) { return asyncc_run(amain()); }
