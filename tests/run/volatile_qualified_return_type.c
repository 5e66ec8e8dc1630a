/* An async function with a volatile-qualified return type: the result slot
 * is unqualified, as C17 reads return types (no warning in _take_into).
 * (law repro volatile_return_type_take_into.c, hunt session 5) */
/* -Wextra flags the qualifier itself, in the source as in the output. */
#pragma GCC diagnostic ignored "-Wignored-qualifiers"
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
