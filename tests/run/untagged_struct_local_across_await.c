/* A variable of an untagged struct type declared in the body lives across
 * an await: the type moves to file scope with a generated tag. */
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
