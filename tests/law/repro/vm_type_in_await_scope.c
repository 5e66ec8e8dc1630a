/* law repro: a pointer to a variable-length array type (no VLA object) whose
 * scope contains an await: the resume label lands in the scope of a
 * variably modified identifier and the output does not compile ("jump into
 * scope of identifier with variably modified type"); asyncc neither
 * handles nor diagnoses it (it only rejects VLA objects). Same with
 * 'typedef unsigned row[n];'. Expected (sync): "4".
 * Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  unsigned n = 3u;
  unsigned a[3] = { 1u, 2u, 3u };
  unsigned (*p)[n] = &a;
  unsigned v = (*p)[2];
  printf("%u\n", v + await(f(1u)));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
