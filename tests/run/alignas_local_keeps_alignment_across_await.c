/* A local declared _Alignas(64) keeps its alignment in the frame (its
 * field carries the specifier, and the frame is allocated aligned). */
#include <asyncc.h>
#include <stdint.h>
#include <stdio.h>

async unsigned f(void) { await(asyncc_yield()); return 1u; }

async unsigned amain(void)
{
  _Alignas(64) unsigned r[4] = { await(f()) };
  await(asyncc_yield());
  printf("%u\n", (unsigned)((uintptr_t)&r % 64u));
  return r[0];
}

int main(void) { return (int)asyncc_run(amain()); }
