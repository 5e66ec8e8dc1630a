/* law repro: an await inside __typeof__ (unevaluated) coming from a macro is
 * treated as evaluated: asyncc runs f twice (hoisting the typeof operand
 * into a temporary) and prints the typeof back as 'typeof', which gcc
 * -std=c11 rejects ("'typeof' undeclared"). docs/internals.md says an await
 * in typeof is diagnosed; here it is neither diagnosed nor run once.
 * Sync (gcc): "4 1" (f runs once). The same happens through clang's
 * <tgmath.h> (sqrt(await(fd(4.0)))), which asyncc expands with libclang's
 * own headers: the output calls clang-only __tg_* overloads.
 * Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

#define SAME_TYPE(x) ((__typeof__(x))(x))

unsigned calls = 0u;

async unsigned f(unsigned v) { calls++; await(asyncc_yield()); return v * 3u + 1u; }

async unsigned amain(void)
{
  unsigned r = SAME_TYPE(await(f(1u)));
  printf("%u %u\n", r, calls);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
