/* See CMakeLists.txt: each #error is an option the compiler gets and
 * asyncc does not. */
#include <asyncc.h>
#include <stdio.h>
#include "extra.h" /* only in inc/, given by CFLAGS=-I.../inc */
#ifndef FROM_JOINED
#error FROM_JOINED (-DFROM_JOINED=5 in CFLAGS) not defined
#endif
#ifndef FROM_SPLIT
#error FROM_SPLIT (-D FROM_SPLIT=6 in CFLAGS) not defined
#endif
#ifndef FROM_OPTS
#error FROM_OPTS (add_compile_options(-DFROM_OPTS=7)) not defined
#endif

static async int amain(void) {
  await(asyncc_yield());
  printf("%d %d %d %d\n", FROM_JOINED, FROM_SPLIT, FROM_OPTS, EXTRA);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
