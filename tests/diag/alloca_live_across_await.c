/* Memory from alloca() used after an await (it would live on a stack
 * that no longer exists); also GCC's __builtin_alloca_with_align, which
 * was let through. */
#include <alloca.h>
#include <asyncc.h>

async int amain(void) {
  int* p = alloca(4 * sizeof(int)); // expected-error {{alloca}}
  int* q = __builtin_alloca_with_align(4 * sizeof(int), 64); // expected-error {{alloca}}
  p[0] = 1;
  q[0] = 2;
  await(asyncc_yield());
  return p[0] + q[0];
}

int main(void) { return asyncc_run(amain()); }
