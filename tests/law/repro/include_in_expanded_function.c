/* law repro: an #include inside an async function that asyncc
 * macro-expands (AW(...) hides an await): the included statements are
 * printed inline, but the #define the included file makes is not replayed
 * after the function (the #define lines written in the body itself are,
 * since e1255cd), so the later use of K2 fails: transpile error "use of
 * undeclared identifier 'K2'". Sync prints "14 9". Found by hand
 * (issue 3); low priority. */
#include <asyncc.h>
#include <stdio.h>

#define AW(c) await(c)

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned g(void)
{
  unsigned ck = AW(f(1u));
#include "inc/include_in_expanded_function.inc"
  return ck + K2;
}

async unsigned amain(void)
{
  printf("%u %u\n", await(g()), K2);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
