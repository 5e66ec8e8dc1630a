/* law repro: _Alignas on a local live across an await is dropped in the frame.
 * sync prints "0" (r is 64-aligned); transpiled prints e.g. "20" (the frame
 * field is declared 'unsigned int r[4];' without _Alignas(64)).
 * Found by gen.py feature 'align'. */
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
