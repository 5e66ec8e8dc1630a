/* law repro: a GNU '__asm__ volatile(...)' statement in an async function
 * that asyncc macro-expands (a macro hides an await) is printed by libclang
 * as 'asm volatile (...)': GCC in a strict -std (the README's 'cc -std=c11')
 * does not know the 'asm' keyword ("'asm' undeclared"), so the output does
 * not compile, where the source (spelled '__asm__') does. Same family as
 * the 'typeof' spelling of typeof_operand_await.c. Sync prints "3".
 * Found by hand (hunt, session 5).
 *   build/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=c11 -D_DEFAULT_SOURCE -I include X.gen.c build/libasyncc.a -luv */
#include <asyncc.h>
#include <stdio.h>

static async int f(int x)
{
  await(asyncc_yield());
  return x + 1;
}

#define AW(x) await(f(x))

async int amain(void)
{
  int r = AW(1);
  __asm__ volatile("" ::: "memory");
  printf("%d\n", r + 1);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
