/* n op= await(...): the target is read when the assignment happens, after
 * the await, so it stays in the frame even when nothing reads it later
 * (returned, used in an initializer, passed to printf). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned a, unsigned b) {
  unsigned junk[64] = {a, b, 77u}; /* overwrites the C stack below */
  await(asyncc_sleep(0));
  return junk[0] + junk[1];
}

static async unsigned g(void) {
  unsigned n = 3u;
  return n += await(f(1u, 1u));
}

static async unsigned h(void) {
  unsigned n = 5u;
  unsigned r = (n <<= await(f(1u, 0u)));
  return r;
}

static async void k(void) {
  unsigned n = 6u;
  printf("%u\n", n ^= await(f(2u, 1u)));
}

async unsigned amain(void) {
  printf("%u %u\n", await(g()), await(h()));
  await(k());
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
