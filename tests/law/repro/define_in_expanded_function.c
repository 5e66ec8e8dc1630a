/* law repro: a #define inside the body of an async function that asyncc
 * macro-expands (a macro hides an await) is lost with the rest of the
 * function's text, so a later use of the macro outside the function
 * breaks: "call to undeclared function 'TWICE'". (Likewise #undef/#define
 * pairs that change a macro for the rest of the file.) Expected (sync):
 * "6" and exit 8. Found by hand (issue 3, macro-expanded functions). */
#include <asyncc.h>
#include <stdio.h>

#define AW(x) await(f(x))

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
#define TWICE(x) ((x) * 2u)
  unsigned v = AW(4u);
  return TWICE(v);
}

int main(void)
{
  printf("%u\n", TWICE(3u));
  return (int)asyncc_run(amain());
}
