/* law repro: an await that is an operand (of a cast, a unary or a binary
 * operator) inside an argument of another awaited call. asyncc drops the
 * inner await's result from the argument: the output contains
 *   asyncc__add_start(asyncc__f->asyncc__t0 | , 0u)   and
 *   asyncc__add_start((unsigned), 0u)
 * which do not compile ("expected expression before ')' token"). A bare
 * await as the whole argument works, and so does the same expression
 * outside an awaited call's arguments.
 * Expected (sync reading): "7 4 3" and exit 0.
 * Found by: gen.py --seed 6 --size small, and about a third of all seeds */
#include <asyncc.h>
#include <stdio.h>

static async unsigned add(unsigned a, unsigned b)
{
  return a + b;
}

static async int amain(void)
{
  unsigned ck = 4u;
  unsigned x = await(add(ck | await(add(1u, 2u)), 0u));
  unsigned y = await(add(-await(add(1u, 2u)), 7u));
  unsigned z = await(add((unsigned)await(add(1u, 2u)), 0u));
  printf("%u %u %u\n", x, y, z);
  return 0;
}

int main(void)
{
  return asyncc_run(amain());
}
