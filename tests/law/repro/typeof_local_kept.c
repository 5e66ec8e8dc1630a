/* law repro: a variable declared with '__typeof__(expr)', where expr names
 * a local, and kept across an await: its frame field is declared at file
 * scope as 'typeof (ck) ty;' (and the array's initializer as a compound
 * literal '(typeof (arr)){ ... }'), which names the local 'ck' outside its
 * function and is spelled 'typeof', unknown to gcc -std=c11: the output
 * does not compile. Sync prints "21 5 12 15". Found by hand (issue 3); the
 * same declaration in a macro-expanded function fails the same way. */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned ck = 4u;
  unsigned arr[3] = { 1u, 2u, 3u };
  __typeof__(ck) ty = ck + 1u;
  __typeof__(arr) a2 = { 4u, 5u, 6u };
  __typeof__(ck + 1ull) wide = 7u;
  ty += await(f(ty));
  printf("%u %u %u %u\n", ty, a2[1], (unsigned)sizeof a2, (unsigned)(wide + sizeof wide));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
