/* A pointer to a local taken before an await still points at that local
 * after it (the object does not move): writes through it are seen, and the
 * address compares equal. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

static void set(int* p, int n) { *p = n; }

async int amain(void) {
  int a = 1;
  int* p = &a;
  int** pp = &p;
  await(v(0));
  printf("same=%d\n", p == &a);
  *p = await(v(2));
  printf("a=%d\n", a);
  a = 3;
  await(asyncc_sleep(1));
  printf("*p=%d **pp=%d\n", *p, **pp);
  set(&a, await(v(4)));
  printf("a=%d\n", a);
  int b = 10;
  p = &b;
  await(v(0));
  **pp = 11;
  printf("b=%d a=%d\n", b, a);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
