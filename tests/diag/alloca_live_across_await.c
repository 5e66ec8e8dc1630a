/* Memory from alloca() used after an await (it would live on a stack
 * that no longer exists). */
#include <alloca.h>
#include <asyncc.h>

async int amain(void) {
  int* p = alloca(4 * sizeof(int)); // expected-error {{alloca}}
  p[0] = 1;
  await(asyncc_yield());
  return p[0];
}

int main(void) { return asyncc_run(amain()); }
