/* law repro: a local whose type is a typedef of an array of const elements
 * ('typedef const int CIA[2]; CIA cia = { 6, 7 };'), live across an await:
 * the frame field keeps the typedef ('CIA cia;', elements const) and the
 * initializer is stored with memcpy(asyncc__f->cia, (CIA){ 6, 7 }, ...):
 * GCC warns by default "passing argument 1 of 'memcpy' discards 'const'
 * qualifier" (an error under -Werror), and the program writes a const
 * object. The source builds without a warning. Values are right: sync and
 * async print "7 7 11". 'const int a[2]' spelled out, and
 * 'const struct P' (also through a typedef), are stored without the
 * qualifier and build cleanly; only the typedef'd array keeps it.
 * Found by hand (hunt, session 5).
 *   build/asyncc X.c -o X.gen.c -- -I include
 *   cc -std=c11 -Werror -D_DEFAULT_SOURCE -I include -c X.gen.c   # fails */
#include <asyncc.h>
#include <stdio.h>

typedef const int CIA[2];
typedef const struct { int a, b; } CPA[2];

static async int f(int x)
{
  await(asyncc_yield());
  return x + 1;
}

async int amain(void)
{
  CIA cia = { 6, 7 };
  CPA cpa = { { 8, 9 }, { 10, 11 } };
  int r = await(f(cia[0]));
  printf("%d %d %d\n", r, cia[1], cpa[1].b);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
