/* law repro: enums declared in sibling blocks of an async function with the same
 * enumerator name: asyncc moves both enum types to file scope (renaming the
 * tags) but not the enumerators, so the output does not compile:
 * "error: redeclaration of enumerator 'K'". Expected (sync): "14", exit 14.
 * Found by hand while extending gen.py (localtypes, shadow). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  unsigned ck = 0u;
  {
    enum E { K = 5 } e = K;
    ck += await(f((unsigned)e));
  }
  {
    enum E { K = 9 } e = K;
    ck += await(f((unsigned)e));
  }
  printf("%u\n", ck);
  return ck;
}

int main(void) { return (int)asyncc_run(amain()); }
