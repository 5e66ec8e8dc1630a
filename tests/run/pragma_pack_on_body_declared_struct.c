/* Structs declared in an async body under '#pragma pack' keep their
 * packing when asyncc moves them to file scope (their values live in the
 * frame); one declared after the pack is popped keeps its natural layout. */
#include <asyncc.h>
#include <stddef.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

async int amain(void) {
#pragma pack(push, 1)
  struct P1 { unsigned char c; unsigned v; } a = {1u, 2u};
#pragma pack(push, 2)
  typedef struct { char c; double d; } P2;
  P2 b = {'x', 1.5};
#pragma pack(pop)
#pragma pack(pop)
  struct N { unsigned char c; unsigned v; } n = {3u, 4u};
  a.v += await(f(1u));
  n.v += await(f(a.v));
  b.d += await(f(2u));
  printf("%u %u %u %u %u %u %g\n", (unsigned)sizeof a, (unsigned)sizeof b,
         (unsigned)sizeof n, (unsigned)offsetof(P2, d), a.v, n.v, b.d);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
