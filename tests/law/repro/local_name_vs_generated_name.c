/* law repro: body-declared typedefs, enumerators and struct tags are
 * renamed 'asyncc__<fn>_<name>' at file scope, the same spelling as
 * asyncc's own names for <fn>: an enumerator 'init' in f becomes
 * asyncc__f_init, which is also f's frame initializer ("'asyncc__f_init'
 * redeclared as different kind of symbol"); a typedef 'start' or 'take'
 * clashes with asyncc__f_start / asyncc__f_take the same way; a struct tag
 * 'frame' in g becomes 'struct asyncc__g_frame', g's frame ("redefinition
 * of 'struct asyncc__g_frame'"). The output does not compile. Sync prints
 * "8 3". Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x)
{
  typedef unsigned start;
  enum { take = 3, init = 4 } e = take;
  start s = x + (unsigned)init;
  await(asyncc_yield());
  return s + (unsigned)e;
}

async unsigned g(unsigned x)
{
  struct frame { unsigned m; } fr = { x };
  await(asyncc_yield());
  return fr.m;
}

async unsigned amain(void)
{
  printf("%u %u\n", await(f(1u)), await(g(3u)));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
