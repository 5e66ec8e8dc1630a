/* law repro: an await in the operand of a GNU computed goto
 * (`goto *tbl[await(f(i)) % 2u];`) is not rewritten: the output keeps the
 * await() macro and the plain call f(i), so it does not compile ("implicit
 * declaration of function 'f'", asyncc__await_marker's "compile the output
 * of asyncc" error). asyncc gives no diagnostic. Computed gotos whose operand
 * has no await work (awaiting into a variable first is the workaround).
 * Sync (gcc): "7 5". Found by hand (hunt3). */
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
