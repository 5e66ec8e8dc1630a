/* law repro: sizeof of a variable length array type evaluates its size
 * expression (C11 6.5.3.4p2), so an await there runs; asyncc rejects it:
 * "'await' in an unevaluated operand". Expected (sync): "16". Low priority
 * (VLAs are otherwise rejected across awaits); found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned s = (unsigned)sizeof(unsigned[await(f(1u))]);
  printf("%u\n", s);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
