/* law repro: a frame holding an over-aligned type (struct with an _Alignas(32)
 * member) is allocated with only malloc's alignment. sync prints "0";
 * transpiled prints "16" (under UBSan it is a misaligned access).
 * Found by gen.py feature 'align'. */
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
