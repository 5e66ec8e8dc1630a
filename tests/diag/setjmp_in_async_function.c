/* setjmp() in an async function (glibc spells it as a macro over _setjmp). */
#include <asyncc.h>
#include <setjmp.h>

static jmp_buf env;

async int amain(void) {
  if (setjmp(env) != 0) return 1; // expected-error {{setjmp}}
  await(asyncc_yield());
  return 0;
}

int main(void) { return asyncc_run(amain()); }
