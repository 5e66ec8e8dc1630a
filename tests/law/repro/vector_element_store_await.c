/* law repro: a store to an element of a GCC vector (`vector_size`) whose
 * right operand awaits: `a[1] = await(f(a[2]));`. asyncc computes the
 * subscript's base before the await into a temporary, as it does for a
 * pointer, but a vector subscript's base is the vector object itself (no
 * decay): the temporary is a copy of the vector, and the element is stored
 * into the copy. `a` is unchanged; `a[1] += await(...)` and `s.v[1] = ...`
 * and `(*pv)[3] = ...` go the same way (f2 variant: "18 13 14", not "2 3 4").
 * Sync (gcc): "1 16 3 4"; asyncc: "1 2 3 4". Found by hand (hunt3). */
#include <asyncc.h>
#include <stdio.h>

typedef unsigned v4 __attribute__((vector_size(16)));

static async unsigned f(unsigned x) { await(asyncc_yield()); return x + 13u; }

async int amain(void)
{
  v4 a = { 1u, 2u, 3u, 4u };
  a[1] = await(f(a[2]));
  printf("%u %u %u %u\n", a[0], a[1], a[2], a[3]);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
