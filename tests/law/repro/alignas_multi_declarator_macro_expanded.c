/* law repro: in a function asyncc macro-expands (here AW(...) hides an
 * await), a declaration with _Alignas and two declarators is printed by
 * libclang with the specifier repeated before the second declarator,
 * '_Alignas(16) unsigned int b = ck, _Alignas(16) v = ck + 1U;', which
 * does not parse: transpile error "expected identifier or '('" (see it
 * with ASYNCC_DEBUG_EXPAND=1). Sync prints "9". Found by gen.py seeds 112
 * and 246, --size medium --features=all,+align (TRY/AW_ADD with a
 * multi-declarator _Alignas declaration in one function). */
#include <asyncc.h>
#include <stdio.h>

#define AW(call) await(call)

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned ck = AW(f(1u));
  _Alignas(16) unsigned b = ck, v = ck + 1u;
  printf("%u\n", b + v);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
