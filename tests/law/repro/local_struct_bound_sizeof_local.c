/* law repro: (rest of law-6) a struct declared in an async body whose member's
 * array bound is 'sizeof' of a block-scope variable is moved to file scope
 * as is: "error: 'q' undeclared here (not in a function)". The enumerator
 * bound of law-6 works since de8a7c1. Expected (sync): "6 12".
 * Found by gen.py feature 'typedeps'. */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  unsigned q[3] = { 0u, 0u, 0u };
  struct S { unsigned a[sizeof q / sizeof q[0]]; } s = { { 1u, await(f(2u)), 3u } };
  await(asyncc_yield());
  printf("%u %u\n", s.a[0] + s.a[1] + s.a[2], (unsigned)sizeof s);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
