/* law repro: _Static_assert in an async function whose macros asyncc expands
 * (a macro hides an await): the pretty-printed body spells it
 * 'static_assert', which C11 without <assert.h> does not know; asyncc
 * fails: "call to undeclared function 'static_assert'". Expected "4".
 * Found by hand (issue 3, macro-expanded functions). */
#include <asyncc.h>
#include <stdio.h>

#define AW(x) await(f(x))

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  _Static_assert(sizeof(unsigned) == 4, "u4");
  printf("%u\n", AW(4u));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
