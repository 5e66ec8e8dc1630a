/* A 'return' in text #included into an async function body: asyncc
 * rewrites the main file only, so it is an error, reported on line 2 of
 * inputs/return_in_included_text.c (the matcher compares file names by
 * their end, so the annotation below points back to that line). Line 1,
 * a declaration that need not be kept, is left as it is. */
#include <asyncc.h>

static async int f(int x) { return await(asyncc_yield()) + x; }

async int amain(void) {
  int z = await(f(1));
#include "inputs/return_in_included_text.c"
}

int main(void) { return asyncc_run(amain()); }
// expected-error@-14 {{'return' in text #included into an async function is not supported}}
