/* An old-style (K&R) async function definition: its arguments arrive
 * promoted (int, double) and the callee converts them to the declared
 * narrow types, as C says, so 300 becomes 44 as an unsigned char. */
#include <asyncc.h>
#include <stdio.h>

#pragma GCC diagnostic ignored "-Wold-style-definition"
#pragma GCC diagnostic ignored "-Wstrict-prototypes"

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

async double g(a, b, s, x)
unsigned a;
unsigned char b;
short s;
float x;
{
  unsigned t = await(f(a));
  return t + b + s + x;
}

async unsigned amain(void) {
  printf("%g\n", await(g(2u, 300u, 70000, 0.1)));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
