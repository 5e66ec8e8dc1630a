/* _Static_assert in an async function whose macros asyncc expands (a macro
 * hides an await): libclang prints it as C23's static_assert, which asyncc
 * spells back as C11's keyword -- but not inside string literals. */
#include <asyncc.h>
#include <stdio.h>

#define AW(x) await(f(x))

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x;
}

async unsigned amain(void) {
  _Static_assert(sizeof(unsigned) >= 2, "static_assert: unsigned too small");
  printf("%u %s\n", AW(4u), "static_assert \"kept\" in strings");
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
