/* A GNU __asm__ statement in a function asyncc macro-expands: printed as
 * __asm__, which a strict -std knows, not as 'asm'.
 * (law repro asm_macro_expanded.c, hunt session 5) */
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
