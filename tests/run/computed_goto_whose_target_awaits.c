/* goto *e; whose target expression awaits: the await runs first, then
 * the jump (law repro computed_goto_target_await.c, session 5 hunt). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) { await(asyncc_yield()); return x + 1u; }

async int amain(void)
{
  static void *const tbl[] = { &&L0, &&L1 };
  unsigned acc = 0u, i = 0u;
L0:
  if (i >= 4u) goto done;
  acc += 1u;
  i++;
  goto *tbl[await(f(i)) % 2u];
L1:
  acc += 2u;
  i++;
  goto *tbl[0];
done:
  printf("%u %u\n", acc, i);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
