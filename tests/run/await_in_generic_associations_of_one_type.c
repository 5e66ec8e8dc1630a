/* Awaits in _Generic associations that share the selection's type:
 * libclang does not say which association is selected, so asyncc runs
 * each one's awaits under a _Generic guard and the compiler selects: only
 * the selected association's awaits run, once. */
#include <asyncc.h>
#include <stdio.h>

typedef unsigned word;
static int calls;

static async unsigned f(unsigned x) {
  calls++;
  await(asyncc_yield());
  return x * 3u + 1u;
}

static int add(int a, int b) { return a + b; }

async int amain(void) {
  unsigned x = 1u;
  long y = 2;
  int (*fp)(int, int) = add;
  /* the first association is selected, the default is not */
  unsigned a = _Generic(x, unsigned: await(f(1u)), default: await(f(2u)));
  /* the default is selected */
  unsigned b = _Generic(y, unsigned: await(f(3u)), default: await(f(4u)));
  /* a type name with commas, and a typedef name */
  unsigned c = _Generic(fp, int (*)(int, int): await(f(5u)),
                        default: await(f(6u)) + 0u);
  word w = 7u;
  unsigned d = _Generic(w + 0u, word: x + await(f(w)), long: 9u,
                        default: await(f(8u)));
  printf("%u %u %u %u %d\n", a, b, c, d, calls);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
