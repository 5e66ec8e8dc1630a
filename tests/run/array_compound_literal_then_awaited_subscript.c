/* An array compound literal holding an await, subscripted by another
 * await of the same callee: the literal is copied to the frame before the
 * second await reuses the callee's frame. */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned y = ((unsigned[3]){ 4u, await(f(11u)) })[await(f(0u)) % 3u];
  printf("%u\n", y);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
