/* Diagnostics in a function asyncc macro-expands (a macro hides an await)
 * are located in libclang's pretty-printed text, not in the source: the
 * error for the statement expression below (line 18, col 14) is reported
 * at another line/column. With the macro replaced by await(id(1)) it is
 * reported at 18:14. (In a longer function, errors land at columns past
 * the end of the line, e.g. 18:262 on a 1-character line.)
 * expected: diag_location_in_macro_expanded_function.c:18:14: error: 'await'
 *           in the value of a statement expression is not supported; ...
 * actual:   diag_location_in_macro_expanded_function.c:19:9: error: ...
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 */
#include <asyncc.h>
#include <stdio.h>
static async int id(int x) { await(asyncc_yield()); return x; }
#define AW(x) await(x)
async int amain(void) {
  int a = AW(id(1));
  int c = ({ await(id(a)); });
  printf("%d\n", c);
  return 0;
}
int main(void) { return asyncc_run(amain()); }
