/* __COUNTER__ used in an async function that asyncc macro-expands (AW hides
 * an await) is printed as literals 0, 1, 2, so when gcc compiles the output
 * the counter starts again from 0 for the rest of the file: later()
 * returns 0, not 3. (Unique-name macros built on __COUNTER__ then collide.)
 * (The output must consume the counter as often as the expanded function
 * did, e.g. a dummy expansion per use after the function.)
 * expected (sync build): "0 1 2" then "later 3"
 * actual   (asyncc):     "0 1 2" then "later 0"
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=gnu11 -I include X.gen.c build-me/libasyncc.a -luv -o real
 *   cc -std=gnu11 -I tests/sync X.c -o sync
 */
#include <asyncc.h>
#include <stdio.h>
#define AW(x) await(x)
static async int id(int x) { await(asyncc_yield()); return x; }
async int amain(void) {
  int a = AW(id(__COUNTER__));
  int b = __COUNTER__;
  printf("%d %d %d\n", a, b, __COUNTER__);
  return 0;
}
static int later(void) { return __COUNTER__; }
int main(void) { int r = asyncc_run(amain()); printf("later %d\n", later()); return r; }
