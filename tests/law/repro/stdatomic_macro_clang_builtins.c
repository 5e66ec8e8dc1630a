/* law repro: asyncc macro-expands a function with libclang's own headers, so
 * standard macros expand to clang-only builtins that the C compiler of the
 * output (gcc) does not know: atomic_fetch_add from clang's <stdatomic.h>
 * becomes __c11_atomic_fetch_add: "undefined reference to
 * `__c11_atomic_fetch_add'". Sync (gcc): "5". (law-21 shows the same with
 * <tgmath.h>.) Found by hand (issue 3, macro-expanded functions). */
#include <asyncc.h>
#include <stdatomic.h>
#include <stdio.h>

async unsigned f(unsigned v) { await(asyncc_yield()); return v * 3u + 1u; }

async unsigned amain(void)
{
  atomic_uint a = 1u;
  atomic_fetch_add(&a, await(f(1u)));
  printf("%u\n", (unsigned)atomic_load(&a));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
