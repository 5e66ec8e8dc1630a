/* law repro: an await in the size expression of a variable-length array
 * that is live across no await ('unsigned vla[await(f(k)) % 4u + 1u];',
 * the last await of the function) is rejected: "asyncc cannot re-declare
 * this variable next to an await: its type is a variable-length array (or
 * a pointer to one) cannot be kept in a frame of fixed size". The same with
 * the size computed into a local first ('unsigned n = await(...) % 4u +
 * 1u; unsigned vla[n];') works. Sync prints "3 16". Found by hand
 * (issue 3); low priority. */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned k = 2u;
  unsigned vla[await(f(k)) % 4u + 1u];
  for (unsigned i = 0u; i < sizeof vla / sizeof vla[0]; i++)
    vla[i] = i * k;
  printf("%u %u\n", vla[1] + 1u, (unsigned)sizeof vla);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
