/* Every compound assignment operator with an awaited right operand. */
#include <asyncc.h>
#include <stdio.h>

static async int val(int x) {
  await(asyncc_yield());
  return x;
}

static async unsigned uval(unsigned x) { return x; }

async int amain(void) {
  int x = 10;
  unsigned u = 0xF0u;
  x += await(val(5));
  printf("+= %d\n", x);
  x -= await(val(3));
  printf("-= %d\n", x);
  x *= await(val(4));
  printf("*= %d\n", x);
  x /= await(val(6));
  printf("/= %d\n", x);
  x %= await(val(5));
  printf("%%= %d\n", x);
  x <<= await(val(3));
  printf("<<= %d\n", x);
  x >>= await(val(1));
  printf(">>= %d\n", x);
  u &= await(uval(0x3Cu));
  printf("&= %#x\n", u);
  u |= await(uval(0x101u));
  printf("|= %#x\n", u);
  u ^= await(uval(0xFFu));
  printf("^= %#x\n", u);
  double d = 1.5;
  d *= await(val(3));
  printf("double *= %.2f\n", d);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
