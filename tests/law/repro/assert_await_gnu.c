/* law repro: assert(await(...)) with glibc's <assert.h> in asyncc's default
 * (GNU) parse mode: glibc's GNU assert expands to
 * '((void) sizeof ((expr) ? 1 : 0), __extension__ ({ if (expr) ...}))', so
 * asyncc sees the await inside sizeof and rejects the program: "'await' in
 * an unevaluated operand". The sync build (gcc, any -std) accepts it and
 * prints "13". With '-- -std=c11 -D_DEFAULT_SOURCE' asyncc accepts it (the
 * ISO assert form), but then the expanded assert names __PRETTY_FUNCTION__,
 * i.e. 'asyncc__amain_resume' on failure instead of 'amain'.
 * Found by hand (issue 3). */
#include <asyncc.h>
#include <assert.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  assert(await(f(13u)) == 13u);
  printf("13\n");
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
