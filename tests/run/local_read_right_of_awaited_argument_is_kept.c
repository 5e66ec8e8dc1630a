/* f(await(g()), n): n is read after g's suspension (arguments go left to
 * right), so it must live in the frame although no await follows it in
 * the text outside the call. Also: an _Alignas local that is not kept in
 * the frame but whose initializer awaits keeps its alignment. */
#include <asyncc.h>
#include <stdint.h>
#include <stdio.h>

static async unsigned f(unsigned a, unsigned b) {
  printf("f %u %u\n", a, b);
  await(asyncc_sleep(0));
  return b;
}

static async unsigned g(void) {
  unsigned n = 3u;
  return await(f(await(f(1u, 1u)), n));
}

static async unsigned aligned(void) {
  char pad = 1;
  _Alignas(32) unsigned c = await(f(2u, 5u));
  return (unsigned)((uintptr_t)&c % 32u) + (unsigned)pad - 1u + c;
}

async unsigned amain(void) {
  printf("%u\n", await(g()));
  printf("%u\n", await(aligned()));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
