/* law repro: awaits in different nested braces of one initializer. asyncc
 * starts both calls into the same child slot before taking either, then
 * takes the second call twice: q[0][0] gets 2 instead of 1, and the child
 * frame is freed twice (later awaits can abort with "asyncc_yield was
 * awaited outside a task"). Within one brace level it works.
 * Expected (sync reading): "1 2" and exit 0.
 * Found by: gen.py --seed 7 --size small --features=-localtypes
 * (struct P r = (struct P){ .arr = { ..., await(...) }, .a = await(...) }) */
#include <asyncc.h>
#include <stdio.h>

static async unsigned id(unsigned v)
{
  await(asyncc_yield());
  return v;
}

static async int amain(void)
{
  unsigned q[2][1] = { { await(id(1u)) }, { await(id(2u)) } };
  printf("%u %u\n", q[0][0], q[1][0]);
  return 0;
}

int main(void)
{
  return asyncc_run(amain());
}
