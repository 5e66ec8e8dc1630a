/* law repro: a struct (or enum) defined in an async function's return type,
 * 'async struct R { unsigned a; } fr(void)', is dropped with the rewritten
 * definition: later uses of 'struct R' (the frame's asyncc__ret, the
 * _take function, locals) see an incomplete type and the output does not
 * compile; 'async enum E { EA = 4, EB } fe(void)' loses EA and EB the
 * same way. Valid C11; sync prints "14". Found by hand (issue 3); low
 * priority. */
#include <asyncc.h>
#include <stdio.h>

async struct R { unsigned a; } fr(void)
{
  await(asyncc_yield());
  struct R r = { 9u };
  return r;
}

async enum E { EA = 4, EB } fe(void)
{
  await(asyncc_yield());
  return EB;
}

async unsigned amain(void)
{
  printf("%u\n", await(fr()).a + (unsigned)await(fe()));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
