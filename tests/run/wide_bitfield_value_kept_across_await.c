/* The value of a bit-field wider than int ('unsigned long long b : 40')
 * read left of an await is kept in a temporary that is the same bit-field,
 * so arithmetic on it behaves as the source's does under either compiler:
 * GCC gives such a field a 40-bit type (3 - 5 wraps at 2^40), clang the
 * declared type. No .out file: the two compilers print different numbers;
 * the test compares the async build with the plain one.
 * (law repro wide_bitfield_temp_gcc.c, hunt session 4) */
#include <asyncc.h>
#include <stdio.h>

static async int id(int x)
{
  await(asyncc_yield());
  return x;
}

struct BF {
  unsigned x : 3;
  unsigned long long b : 40;
  long long s : 33;
};

async int amain(void)
{
  struct BF bf = { 3, 3, -4 };
  long long r1 = bf.x - await(id(5));
  long long r2 = bf.b - await(id(5));
  long long r3 = bf.s * await(id(1 << 30));
  unsigned long long r4 = (bf.b << 39) + await(id(0));
  printf("r1 %lld r2 %lld r3 %lld r4 %llu\n", r1, r2, r3, r4);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
