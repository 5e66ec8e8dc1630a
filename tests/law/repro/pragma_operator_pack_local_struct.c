/* The `#pragma pack` fix (f38fa5b, repro pragma_pack_local_struct.c) does
 * not cover the _Pragma operator, which is how macros spell it (e.g.
 * PACKED_BEGIN / PACKED_END macros): a struct declared in an async body
 * after _Pragma("pack(push, 1)") is moved to file scope without packing.
 * expected (sync build): "5 1"
 * actual   (asyncc):     "8 1"
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=gnu11 -I include X.gen.c build-me/libasyncc.a -luv -o real
 *   cc -std=gnu11 -I tests/sync X.c -o sync
 */
#include <asyncc.h>
#include <stdio.h>
static async int id(int x) { await(asyncc_yield()); return x; }
async int amain(void) {
  int k = await(id(1));
  _Pragma("pack(push, 1)")
  struct S { char c; int i; };
  _Pragma("pack(pop)")
  struct S s = { 'a', k };
  await(asyncc_yield());
  printf("%zu %d\n", sizeof(struct S), s.i);
  return 0;
}
int main(void) { return asyncc_run(amain()); }
