/* law repro: a named enum declared in an async function is moved to file scope
 * with its enumerators, which then clash with the same enumerator in
 * another async function (and with a file-scope name the enumerator
 * shadowed): "error: redeclaration of enumerator 'K'" /
 * "'K' redeclared as different kind of symbol". Expected (sync): "19".
 * Same root cause as law-4 (enumerators are not renamed), other triggers.
 * Found by gen.py feature 'tagshadow' (seed 8, large). */
#include <asyncc.h>
#include <stdio.h>

unsigned G = 1u;

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned g(void)
{
  enum E { K = 5, G = 4 } e = K;
  return await(f((unsigned)e + G));
}

async unsigned amain(void)
{
  enum E { K = 9 } e = K;
  unsigned r = await(f((unsigned)e)) + await(g()) + G;
  printf("%u\n", r);
  return r;
}

int main(void) { return (int)asyncc_run(amain()); }
