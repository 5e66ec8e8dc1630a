/* A file-scope `#pragma pack(1)` in force at an async function defined after
 * its caller: asyncc writes the callee's frame part (body types, frame
 * struct) before the caller, where pack(1) is not in force yet, so the
 * body-declared struct S loses its packing.
 * expected (sync build): 6   (sizeof s == 5, + 1)
 * actual   (asyncc):     9
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=gnu11 -I include X.gen.c build-me/libasyncc.a -luv -o real
 *   cc -std=gnu11 -I tests/sync X.c -o sync
 */
#include <asyncc.h>
#include <stdio.h>
static async int later(void);
async int amain(void) { printf("%d\n", await(later())); return 0; }
#pragma pack(1)
static async int later(void) {
  struct S { char c; int i; } s = { 'a', 1 };
  await(asyncc_yield());
  return (int)sizeof s + s.i;
}
int main(void) { return asyncc_run(amain()); }
