/* Locals whose typedef'd array types have const elements, live across an
 * await: the frame field of a named element type is spelled out without
 * the const; one of an unnamed struct keeps the typedef and is filled
 * through an integer, so neither -Wdiscarded-qualifiers nor -Wcast-qual
 * (tests/strict's flags) fires. (law repros const_array_typedef_in_frame.c
 * and const_array_typedef_cast_qual.c, session 5) */
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
