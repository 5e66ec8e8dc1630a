/* law repro: a struct type declared inside an expression (the type name
 * of a compound literal, of a cast or of sizeof) is not moved to file
 * scope as body-declared types are: a compound literal of it in a block
 * that suspends is rejected ("this compound literal must be kept across
 * an await, but its type is a variable whose type is declared inside the
 * function"), and so is a variable of it live across an await
 * ('struct R r' below: "its type cannot be stored in the frame"). Valid
 * C11; sync prints "9 12 25" (q is 2 + f(2u)). Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned q = (struct Q { unsigned m; }){ 2u }.m;
  q += await(f(q));
  unsigned k = (unsigned)sizeof(struct R { unsigned a[3]; });
  struct R r = { { 1u, await(f(k - 4u)), 3u } };
  await(asyncc_yield());
  printf("%u %u %u\n", q, k, r.a[1] + 0u);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
