/* law repro: `__real__ z = await(f(1u));` and `__imag__ z += await(...)`
 * (GNU lvalues naming a part of a complex local): asyncc treats the left
 * operand as a value, copies `__real__ z` into a frame temporary before the
 * await, and assigns the awaited value to the temporary: z is never
 * written. Sync (gcc): "14.0 15.0"; asyncc: "1.0 0.0".
 * Found by hand (hunt3). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) { await(asyncc_yield()); return x + 13u; }

async int amain(void)
{
  _Complex double z = 1.0;
  __real__ z = await(f(1u));
  __imag__ z += await(f(2u));
  printf("%.1f %.1f\n", __real__ z, __imag__ z);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
