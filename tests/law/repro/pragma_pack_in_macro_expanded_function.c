/* The #pragma pack fix (f38fa5b) does not hold when the function is one
 * asyncc macro-expands (AW hides an await): the body struct S declared
 * under `#pragma pack(push, 1)` is moved to file scope unpacked (the
 * function's #pragma lines are replayed only after it).
 * Same family as pragma_operator_pack_local_struct.c (_Pragma form).
 * expected (sync build): "8" then "5 1"
 * actual   (asyncc):     "8" then "8 1"
 *   build-me/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=gnu11 -I include X.gen.c build-me/libasyncc.a -luv -o real
 */
#include <asyncc.h>
#include <stdio.h>
#define AW(x) await(x)
static async int id(int x) { await(asyncc_yield()); return x; }
async int amain(void) {
  int k = AW(id(1));
#pragma pack(push, 1)
  struct S { char c; int i; };
#pragma pack(pop)
  struct S s = { 'a', k };
  await(asyncc_yield());
  printf("%zu %d\n", sizeof(struct S), s.i);
  return 0;
}
struct T { char c; int i; };
int main(void) { printf("%zu\n", sizeof(struct T)); return asyncc_run(amain()); }
