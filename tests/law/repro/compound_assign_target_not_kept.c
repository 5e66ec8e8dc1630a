/* law repro: the target of a compound assignment whose right side awaits,
 * used nowhere after that statement, is not kept in the frame: asyncc reads
 * 'n' after the await resumed, from a dead stack slot. Sync prints "5";
 * transpiled prints garbage. Likely the same liveness gap as await_arg_right_of_await_not_kept.c (a use
 * inside the awaiting statement, evaluated after the await); a regression
 * since ca414ee-ish. Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned a, unsigned b)
{
  unsigned junk[64] = { a, b, 77u };
  await(asyncc_sleep(0));
  return junk[0] + junk[1];
}

static async unsigned g(void)
{
  unsigned n = 3u;
  return n += await(f(1u, 1u));
}

async unsigned amain(void)
{
  printf("%u\n", await(g()));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
