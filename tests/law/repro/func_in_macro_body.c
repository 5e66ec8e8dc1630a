/* law repro: __func__ spelled in a macro's body (a logging macro) used in
 * an async function that asyncc does not macro-expand (the macro hides no
 * await, return or kept variable) is not rewritten: it names the resume
 * function. Sync prints "f 4"; transpiled prints "asyncc__f_resume 4".
 * Spelled directly in the body, __func__ is "f". Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

#define LOG(x) printf("%s %u\n", __func__, (x))

async unsigned f(unsigned x)
{
  await(asyncc_yield());
  LOG(x * 3u + 1u);
  return 0u;
}

async unsigned amain(void) { return await(f(1u)); }

int main(void) { return (int)asyncc_run(amain()); }
