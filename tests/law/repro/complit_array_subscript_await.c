/* law repro: an await inside an array compound literal, subscripted by another
 * await of the same callee: the first result is read from the child slot
 * after the second await reused it. Expected "34" (f(11)); got "1" (f(0)).
 * Like tests/law/repro/await_result_subscript_await.c, fixed in ab97e3c for
 * struct rvalues, but not for array compound literals.
 * Found by gen.py feature 'complitarr'. */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned y = ((unsigned[3]){ 4u, await(f(11u)) })[await(f(0u)) % 3u];
  printf("%u\n", y);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
