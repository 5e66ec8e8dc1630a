/* law repro: a '#line' directive inside an async function that asyncc
 * macro-expands (AW(...) hides an await) acts inside the function, but is
 * not replayed after it (the #define/#undef/#pragma lines are, since
 * e1255cd): the code after the function gets its line numbers and file
 * name from the input again. Sync prints "701 virt.c" then "5 708
 * virt.c"; transpiled prints "5 28 line_directive_in_expanded_function.c"
 * last. (A #line in a function that is not macro-expanded works, since
 * b117c12.) Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

#define AW(c) await(c)

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned h(void)
{
  unsigned ck = AW(f(1u));
#line 700 "virt.c"
  ck += 1u;
  printf("%d %s\n", __LINE__, __FILE__);
  return ck;
}

async unsigned amain(void)
{
  unsigned b = await(h());
  printf("%u %d %s\n", b, __LINE__, __FILE__);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
