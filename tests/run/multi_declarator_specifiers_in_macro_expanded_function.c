/* Declarations with _Alignas or _Atomic and several declarators in a
 * function asyncc macro-expands (AW hides an await): the specifiers apply
 * to every declarator, as written. */
#include <asyncc.h>
#include <stdint.h>
#include <stdio.h>

#define AW(call) await(call)

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

async int amain(void) {
  unsigned ck = AW(f(1u));
  _Alignas(16) unsigned b = ck, v = ck + 1u;
  _Atomic unsigned x = ck, y = 1u;
  unsigned z = AW(f(b + v + x + y));
  printf("%u %u %d\n", z, (unsigned)sizeof y,
         (int)((uintptr_t)&v % 16u == 0u));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
