/* Enums declared in async bodies move to file scope with their
 * enumerators renamed: the same enumerator in sibling blocks, in two
 * functions, or shadowing a global does not clash; a struct whose array
 * bound names a body enumerator moves along. */
#include <asyncc.h>
#include <stdio.h>

unsigned G = 1u;

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x;
}

static async unsigned g(void) {
  enum E { K = 5, G = 4 } e = K; /* G shadows the global */
  return await(f((unsigned)e + G));
}

static async unsigned siblings(void) {
  unsigned ck = 0u;
  {
    enum E { K = 5 } e = K;
    ck += await(f((unsigned)e));
  }
  {
    enum E { K = 9 } e = K;
    ck += await(f((unsigned)e)) + K;
  }
  return ck;
}

static async unsigned bound(void) {
  enum { N = 3 };
  struct S {
    unsigned a[N];
  } s = {{1u, await(f(2u)), 3u}};
  await(asyncc_yield());
  return s.a[0] + s.a[1] + s.a[2] + (unsigned)(sizeof s / sizeof s.a[0]);
}

async unsigned amain(void) {
  enum E { K = 9 } e = K;
  unsigned r = await(f((unsigned)e)) + await(g()) + G;
  printf("%u %u %u\n", r, await(siblings()), await(bound()));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
