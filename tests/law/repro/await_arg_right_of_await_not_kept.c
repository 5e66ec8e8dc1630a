/* law repro: a local read in an argument of an awaited call, to the right of
 * an argument that itself awaits, and not used anywhere else after an
 * await, is not kept in the frame: 'n' is read after the inner await
 * resumed, from a dead stack slot of the resume function. Sync prints
 * "f 1 1 / f 1 3 / 3"; transpiled prints garbage for the second b (e.g.
 * "f 1 22061"). Found by gen.py --seed 428 --size small (features 'all'),
 * where it was 'return await(f1(await(f1(ck, ck)), n1));'.
 * Also with the read in the same argument: await(f(await(f(1u, 1u)) + n, 0u)).
 * Not with a plain callee (h(await(f(..)), n) is fine).
 * A regression: an asyncc built at 17:43 gets it right; likely ca414ee
 * (use-after-suspension liveness). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned a, unsigned b)
{
  printf("f %u %u\n", a, b);
  await(asyncc_sleep(0));
  return b;
}

static async unsigned g(void)
{
  unsigned n = 3u;
  return await(f(await(f(1u, 1u)), n));
}

async unsigned amain(void)
{
  printf("%u\n", await(g()));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
