/* Low priority, GCC-specific. A bit-field wider than int
 * (`unsigned long long b : 40`) left of an await is kept in a temporary of
 * type `unsigned long long`. GCC gives such a bit-field its own 40-bit type
 * (arithmetic wraps mod 2^40: bf.b - 5 == 2^40 - 2), so under gcc the
 * transpiled program computes in 64 bits while the sync build does not.
 * (clang uses unsigned long long for both, so both print -2 there.)
 * expected (gcc sync build): r2 1099511627774
 * actual   (asyncc output built with gcc): r2 -2
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 *   gcc -std=gnu11 -I include X.gen.c build-me/libasyncc.a -luv -o real
 *   gcc -std=gnu11 -I tests/sync X.c -o sync
 */
#include <asyncc.h>
#include <stdio.h>
static async int id(int x) { await(asyncc_yield()); return x; }
struct BF { unsigned long long b : 40; };
async int amain(void) {
  struct BF bf = { 3 };
  long long r2 = bf.b - await(id(5));
  printf("r2 %lld\n", r2);
  return 0;
}
int main(void) { return asyncc_run(amain()); }
