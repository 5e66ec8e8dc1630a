/* One operand of __builtin_choose_expr is never evaluated, nor is the
 * operand of __builtin_constant_p: an await there would have run anyway
 * (law repro builtin_choose_expr_unselected_await.c), so it is an error. */
#include <asyncc.h>

static async unsigned f(unsigned x) { await(asyncc_yield()); return x + 1u; }

async int amain(void) {
  unsigned a = __builtin_choose_expr(1, await(f(1u)), 0u); // expected-error {{'await' in an operand of __builtin_choose_expr is not supported}}
  int c = __builtin_constant_p(await(f(3u))); // expected-error {{'await' in an operand of __builtin_constant_p is not supported}}
  unsigned b = await(f(2u));
  return (int)(a + b) + c + __builtin_choose_expr(0, 1, (int)b);
}
