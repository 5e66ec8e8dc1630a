/* Casts applied to awaited values: narrowing, to double, to void, pointer
 * casts. */
#include <asyncc.h>
#include <stdio.h>

static async int iv(int v) {
  await(asyncc_yield());
  return v;
}

static async double dv(double v) {
  await(asyncc_yield());
  return v;
}

static int storage = 1234;

static async void* vp(void) {
  await(asyncc_sleep(1));
  return &storage;
}

async int amain(void) {
  unsigned char c = (unsigned char)await(iv(300));
  printf("%d\n", c);
  double d = (double)await(iv(7)) / 2;
  printf("%.2f\n", d);
  int t = (int)await(dv(9.75));
  printf("%d\n", t);
  (void)await(iv(5));
  int* p = (int*)await(vp());
  printf("%d\n", *p);
  printf("%d\n", *(int*)await(vp()));
  long l = (long)(short)await(iv(70000 - 65536));
  printf("%ld\n", l);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
