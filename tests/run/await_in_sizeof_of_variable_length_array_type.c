/* sizeof of a variable-length array type evaluates the size expression
 * (C11 6.5.3.4p2), so an await there runs, once; sizeof of anything else
 * is a constant and never runs its operand. */
#include <asyncc.h>
#include <stdio.h>

static int calls;

static async unsigned f(unsigned x) {
  calls++;
  await(asyncc_yield());
  return x * 3u + 1u;
}

async int amain(void) {
  unsigned s = (unsigned)sizeof(unsigned[await(f(1u))]);
  unsigned t = (unsigned)sizeof(char[2][await(f(2u))]);
  /* the first await's value waits in a temporary used only by sizeof */
  unsigned u = (unsigned)sizeof(char[await(f(1u)) + await(f(0u))]);
  printf("%u %u %u %d\n", s, t, u, calls);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
