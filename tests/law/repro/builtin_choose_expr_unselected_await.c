/* law repro: an await in the unselected operand of __builtin_choose_expr
 * (not evaluated, as in an unselected _Generic association) runs anyway:
 * asyncc hoists the awaits of both operands before the statement, so g (or
 * f) is called although its result is discarded. The same holds for the
 * operand of __builtin_constant_p, which GCC and clang never evaluate.
 * docs/internals.md says an await in an unevaluated operand is diagnosed;
 * here it is neither diagnosed nor skipped.
 * Sync (gcc): "2 1 / 4 101 / 0 101"; asyncc: "2 101 / 4 202 / 0 203".
 * Found by hand (hunt3). */
#include <asyncc.h>
#include <stdio.h>

static int cnt;

static async unsigned f(unsigned x) { cnt++; await(asyncc_yield()); return x + 1u; }
static async unsigned g(unsigned x) { cnt += 100; await(asyncc_yield()); return x * 2u; }

async int amain(void)
{
  unsigned a = __builtin_choose_expr(1, await(f(1u)), await(g(1u)));
  printf("%u %d\n", a, cnt);
  unsigned b = __builtin_choose_expr(0, await(f(2u)), await(g(2u)));
  printf("%u %d\n", b, cnt);
  int c = __builtin_constant_p(await(f(3u)));
  printf("%d %d\n", c, cnt);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
