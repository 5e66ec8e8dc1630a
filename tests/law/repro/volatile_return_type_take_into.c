/* law repro: an async function whose return type is volatile-qualified
 * ('async volatile int vf(...)', 'async volatile struct P vs(...)'): the
 * frame keeps 'volatile' on asyncc__ret (const is dropped), and the
 * generated asyncc__F_take_into passes &asyncc__f->asyncc__ret to memcpy:
 * GCC warns by default "passing argument 2 of 'memcpy' discards 'volatile'
 * qualifier" (an error under -Werror or -pedantic-errors), where the
 * source itself builds without a warning. The values are right: sync and
 * async print "7 5". Expected: asyncc__ret without the qualifier (a
 * function's return type is unqualified in C17, DR 423), as for const.
 * Found by hand (hunt, session 5); low priority.
 *   build/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=c11 -Werror -I include -c X.gen.c        # fails */
#include <asyncc.h>
#include <stdio.h>

struct P { int a, b; };

static async volatile int vf(int v)
{
  await(asyncc_yield());
  return v + 1;
}

static async volatile struct P vs(int v)
{
  await(asyncc_yield());
  struct P p = { v, v + 1 };
  return p;
}

async int amain(void)
{
  printf("%d %d\n", await(vf(6)), await(vs(4)).b);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
