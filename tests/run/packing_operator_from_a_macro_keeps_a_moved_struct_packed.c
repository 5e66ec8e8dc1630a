/* A struct declared in an async body between PACKED_BEGIN and PACKED_END,
 * macros that spell the packing with the C99 operator form: the struct,
 * moved to file scope because a value of it lives in the frame, stays
 * packed (it was not: "8 1", not "5 1"; law repro
 * pragma_operator_pack_local_struct). */
#include <asyncc.h>
#include <stdio.h>

#define PACKED_BEGIN _Pragma("pack(push, 1)")
#define PACKED_END _Pragma("pack(pop)")

static async int id(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int k = await(id(1));
  PACKED_BEGIN
  struct S {
    char c;
    int i;
  };
  PACKED_END
  struct S s = {'a', k};
  await(asyncc_yield());
  printf("%zu %d\n", sizeof(struct S), s.i);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
