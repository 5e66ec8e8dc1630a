/* law repro: a struct declared in an async body whose member's array bound
 * names a block-scope enumerator is moved to file scope as is, where the
 * enumerator does not exist: "error: 'N' undeclared here (not in a
 * function)". Expected (sync): "6 12". Same with a bound of
 * 'sizeof q / sizeof q[0]' for a local array q ("'q' undeclared").
 * Found by hand (issue 3: enum/struct types declared in async bodies). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  enum { N = 3 };
  struct S { unsigned a[N]; } s = { { 1u, await(f(2u)), 3u } };
  await(asyncc_yield());
  printf("%u %u\n", s.a[0] + s.a[1] + s.a[2], (unsigned)sizeof s);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
