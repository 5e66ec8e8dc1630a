/* GNU __real__ z and __imag__ z as the left operand of an assignment whose
 * right operand awaits: the part of z itself is written, not a temporary
 * holding its value from before the await.
 * (law repro real_imag_lvalue_await.c, hunt session 5) */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x)
{
  await(asyncc_yield());
  return x + 13u;
}

async int amain(void)
{
  _Complex double z = 1.0;
  _Complex double w[2] = { 0.0, 0.0 };
  __real__ z = await(f(1u));
  __imag__ z += await(f(2u));
  __imag__ w[1] = await(f(3u));
  printf("%.1f %.1f\n", __real__ z, __imag__ z);
  printf("%.1f %.1f\n", __real__ w[1], __imag__ w[1]);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
