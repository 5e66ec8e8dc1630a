/* A multi-character constant ('ab', int 24930, implementation-defined but
 * accepted by gcc and clang with a warning) in an async function that asyncc
 * macro-expands (a macro hides an await) makes the transpile fail.
 * expected: transpiles; prints 24931 (sync build: same)
 * actual:   multichar_constant_macro_expanded.c:17:20: error: character too
 *           large for enclosing character literal type   (exit 1)
 * Without the macro (await(id(1)) written out) it works.
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=gnu11 -I tests/sync X.c -o sync && ./sync
 */
#include <asyncc.h>
#include <stdio.h>
#define AW(x) await(x)
static async int id(int x) { await(asyncc_yield()); return x; }
async int amain(void) {
  int k = AW(id(1));
  printf("%d\n", 'ab' + k);
  return 0;
}
int main(void) { return asyncc_run(amain()); }
