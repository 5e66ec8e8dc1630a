/* A frame holding a value of an over-aligned type (a member declared
 * _Alignas(32)) is allocated with that alignment, not malloc's 16. */
#include <asyncc.h>
#include <stdint.h>
#include <stdio.h>

struct A { _Alignas(32) unsigned m; unsigned n; };

async unsigned f(void) { await(asyncc_yield()); return 1u; }

async unsigned amain(void)
{
  unsigned k = 1u;
  struct A a = { await(f()), k };
  await(asyncc_yield());
  printf("%u\n", (unsigned)((uintptr_t)&a % 32u));
  return a.m;
}

int main(void) { return (int)asyncc_run(amain()); }
