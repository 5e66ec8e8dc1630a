/* An await in text #included into an async function body: asyncc rewrites
 * the main file only, so it is an error, reported where the await is: on
 * line 1 of inputs/await_in_included_text.c (the matcher compares file
 * names by their end, so the annotation below points back to line 1). */
#include <asyncc.h>

static async int f(int x) { return await(asyncc_yield()) + x; }

async int amain(void) {
  int z = 0;
#include "inputs/await_in_included_text.c"
  return z;
}

int main(void) { return asyncc_run(amain()); }
// expected-error@-15 {{'await' in text #included into async function 'amain' is not supported}}
