/* law repro: in a function asyncc macro-expands (AW(...) hides an await),
 * a declaration '_Atomic unsigned b = ck, v = 1u;' (or '_Atomic(unsigned)
 * b = ..., v = ...') is printed by libclang as
 * '_Atomic(unsigned int) b = ck, _Atomic() v = 1U;': transpile error
 * "expected a type" (see it with ASYNCC_DEBUG_EXPAND=1). A sibling of
 * alignas_multi_declarator_macro_expanded.c (the second declarator gets
 * the first one's specifiers printed again, here emptied). Sync prints
 * "5". Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

#define AW(call) await(call)

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned ck = AW(f(1u));
  _Atomic unsigned b = ck, v = 1u;
  printf("%u\n", b + v);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
