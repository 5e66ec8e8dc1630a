/* law repro: body-declared types are renamed asyncc__<function>_<tag>, which is
 * ambiguous: 'struct b_c' in function a and 'struct c' in function a_b both
 * become 'struct asyncc__a_b_c': "error: redefinition of 'struct
 * asyncc__a_b_c'". Expected (sync): "4 9". Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned v) { await(asyncc_yield()); return v * 3u + 1u; }

async unsigned a(void)
{
  struct b_c { unsigned x; } s = { 0u };
  s.x += await(f(1u));
  return s.x;
}

async unsigned a_b(void)
{
  struct c { unsigned char y; } t = { 2u };
  t.y += (unsigned char)await(f(2u));
  return t.y;
}

async unsigned amain(void)
{
  printf("%u %u\n", await(a()), await(a_b()));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
