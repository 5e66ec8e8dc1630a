/* A macro that casts its argument to its own type, (__typeof__(x))(x),
 * with an await as the argument: the copy in __typeof__ is never
 * evaluated (the call runs once), and the macro-expanded function spells
 * the keyword so that -std=c11 compilers accept it. */
#include <asyncc.h>
#include <stdio.h>

#define SAME_TYPE(x) ((__typeof__(x))(x))

static unsigned calls = 0u;

static async unsigned f(unsigned v) {
  calls++;
  await(asyncc_yield());
  return v * 3u + 1u;
}

async unsigned amain(void) {
  unsigned r = SAME_TYPE(await(f(1u)));
  long l = SAME_TYPE((long)await(f(2u))) + 1;
  printf("%u %ld %u\n", r, l, calls);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
