/* A cleanup variable whose block awaits after its declaration would have
 * its cleanup run each time the function suspends, and again on a variable
 * the resumption jumped over (law repro cleanup_var_in_scope_of_await.c):
 * an error. Declared after the block's last await it is fine. */
#include <asyncc.h>
#include <stdio.h>

static void done(unsigned* p) { printf("cleanup %u\n", *p); }

static async unsigned f(unsigned x) { await(asyncc_yield()); return x + 1u; }

async int amain(void) {
  {
    __attribute__((cleanup(done))) unsigned c = 5u; // expected-error {{a variable with the 'cleanup' attribute cannot be in the scope of an await}}
    printf("c %u\n", c);
    unsigned k = await(f(1u));
    printf("k %u\n", k);
  }
  {
    unsigned k = await(f(2u));
    __attribute__((cleanup(done))) unsigned d = k;
    printf("d %u\n", d);
  }
  return 0;
}
