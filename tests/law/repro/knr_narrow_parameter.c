/* law repro: an old-style (K&R) async function definition with a parameter of
 * a narrow type: asyncc stores the parameter with its promoted type ('int b'
 * in the frame and the start/init functions), so the callee never converts
 * it to 'unsigned char'. Sync prints "51" (300 -> 44), transpiled "307".
 * Obsolescent C, low priority. Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned g(a, b)
  unsigned a;
  unsigned char b;
{
  unsigned t = await(f(a));
  return t + b;
}

async unsigned amain(void)
{
  printf("%u\n", await(g(2u, 300u)));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
