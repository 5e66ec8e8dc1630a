/* Struct, union and enum tags defined in the type name of an expression
 * (a compound literal, sizeof, a cast) are declared in the enclosing
 * block: values of them live across awaits, and later declarations use
 * them. */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

async int amain(void) {
  unsigned q = (struct Q { unsigned m; }){2u}.m;
  q += await(f(q));
  unsigned k = (unsigned)sizeof(struct R { unsigned a[3]; });
  struct R r = {{1u, await(f(k - 4u)), 3u}};
  int e = (enum E { E0 = 4, E1 })await(f(1u));
  enum E ev = E1;
  union U { unsigned u; float x; } *up = &(union U){.u = 7u};
  await(asyncc_yield());
  printf("%u %u %u %d %d %u\n", q, k, r.a[1] + 0u, e, (int)ev, up->u);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
