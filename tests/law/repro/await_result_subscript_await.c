/* law repro: a member of an awaited call's result, subscripted by an
 * expression containing another await: await(mk(1u)).h[await(id(1u))].
 * asyncc runs mk, then id into the same child slot, then takes the slot
 * twice: the outer result is read from id's frame (and the frame is freed
 * twice). Found as a wrong value (483 vs 14523) in
 *   (unsigned)await(f0(4u, ...)).h[(((unsigned)await(f0(ck, ...)).h[1u]) % 2u)]
 * Expected (sync reading): "200" and exit 0.
 * Found by: gen.py --seed 52 --size small --features=-localtypes,-castawait */
#include <asyncc.h>
#include <stdio.h>

struct S { unsigned h[2]; };

static async struct S mk(unsigned v)
{
  await(asyncc_yield());
  return (struct S){ { v * 100u, v * 200u } };
}

static async unsigned id(unsigned v)
{
  await(asyncc_yield());
  return v;
}

static async int amain(void)
{
  unsigned t = await(mk(1u)).h[await(id(1u))];
  printf("%u\n", t);
  return 0;
}

int main(void)
{
  return asyncc_run(amain());
}
