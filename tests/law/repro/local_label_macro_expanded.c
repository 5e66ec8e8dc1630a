/* A GNU local label (`__label__ done;` in a statement expression, as
 * macros use it) in an async function that asyncc macro-expands (AW hides
 * an await): the transpile fails. Without the macro it works.
 * expected: transpiles; prints 1 (sync build)
 * actual:   local_label_macro_expanded.c:18:34: error: redefinition of label
 *           'done' (+ note: previous definition at 16:9; line 18 is "}")  (exit 1)
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 */
#include <asyncc.h>
#include <stdio.h>
#define AW(x) await(x)
static async int id(int x) { await(asyncc_yield()); return x; }
async int amain(void) {
  int k = AW(id(1));
  int z = ({ __label__ done; int q = 0; if (k) goto done; q = 9; done: q + 1; });
  printf("%d\n", z);
  return 0;
}
int main(void) { return asyncc_run(amain()); }
