/* Types declared in async bodies move to file scope under names derived
 * from the function's: struct b_c in a() and struct c in a_b() would both
 * be asyncc__a_b_c, so the second gets a suffix. */
#include <asyncc.h>
#include <stdio.h>

static async unsigned id(unsigned x) {
  await(asyncc_yield());
  return x;
}

static async unsigned a(void) {
  struct b_c {
    unsigned x;
  } s = {0u};
  s.x = await(id(4u));
  return s.x;
}

static async unsigned a_b(void) {
  struct c {
    unsigned char y;
  } t = {2u};
  t.y += (unsigned char)await(id(7u));
  return t.y;
}

async unsigned amain(void) {
  printf("%u %u\n", await(a()), await(a_b()));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
