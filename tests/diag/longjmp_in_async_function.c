/* longjmp() out of an async function. */
#include <asyncc.h>
#include <setjmp.h>

static jmp_buf env;

async int amain(void) {
  await(asyncc_yield());
  longjmp(env, 1); // expected-error {{longjmp}}
}

int main(void) {
  if (setjmp(env)) return 0;
  return asyncc_run(amain());
}
