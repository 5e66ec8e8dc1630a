/* A local whose typedef'd array type has const elements, live across an
 * await: stored without a const-discarding warning.
 * (law repro const_array_typedef_in_frame.c, hunt session 5) */
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
