/* A struct and an enum defined in async functions' return types: the
 * definitions are kept ahead of the rewritten functions (law repro
 * tag_defined_in_return_type.c). Also a callee defined after its caller,
 * whose tag name begins like a keyword (union_L). */
#include <asyncc.h>
#include <stdio.h>

async struct R { unsigned a; } fr(void)
{
  await(asyncc_yield());
  struct R r = { 9u };
  return r;
}

async enum E { EA = 4, EB } fe(void)
{
  await(asyncc_yield());
  return EB;
}

static async struct union_L { int v; } later(int x);

async unsigned amain(void)
{
  printf("%u\n", await(fr()).a + (unsigned)await(fe()));
  printf("%d\n", await(later(3)).v);
  return 0;
}

static async struct union_L later(int x)
{
  await(asyncc_yield());
  struct union_L l = { x * 2 };
  return l;
}

int main(void) { return (int)asyncc_run(amain()); }
