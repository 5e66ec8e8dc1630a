/* law repro: a variable of an unnamed struct type declared in an async body and
 * live across an await is rejected: "variable 's' is live across an await,
 * but its type cannot be stored in the frame: a variable of an unnamed
 * struct, union or enum type". Valid C; sync prints "3". Documented as a
 * diagnostic (docs/internals.md), but issue 3 asks for types declared in
 * async bodies to work, and named tags already do (the frame could give the
 * unnamed type a generated tag, as it renames named ones).
 * Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  struct { unsigned a; unsigned b; } s = { 1u, 2u };
  s.a += await(f(0u));
  printf("%u\n", s.a + s.b);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
