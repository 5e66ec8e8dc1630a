/* law repro: an await in the selected association of _Generic (an evaluated
 * expression) is rejected: "'await' in an unevaluated operand". Only the
 * controlling expression (and the associations not selected) are
 * unevaluated. Expected (sync): "4". Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned x = 1u;
  unsigned g = _Generic(x, unsigned: await(f(1u)), default: 0u);
  printf("%u\n", g);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
