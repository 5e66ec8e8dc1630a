/* _Atomic locals live across awaits: a scalar, and a struct whose type is
 * declared in the body (the frame spells it through the renamed type). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x;
}

async unsigned amain(void) {
  struct AS {
    unsigned a, b;
  };
  _Atomic struct AS as;
  _Atomic int counter = 1;
  as = (struct AS){1u, 2u};
  counter += (int)await(f(4u));
  struct AS cp = as;
  printf("%u %d\n", cp.a + cp.b, (int)counter);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
