/* A local whose only use after an await is through a pointer taken before
 * it must still live across the await (liveness must respect address-taken
 * variables). */
#include <asyncc.h>
#include <stdio.h>

struct acc {
  int total;
  int n;
};

static async int v(int n) {
  await(asyncc_sleep(1));
  return n;
}

static void add(struct acc* a, int x) {
  a->total += x;
  a->n++;
}

async int amain(void) {
  int hidden = 5;
  int* p = &hidden;
  int b = await(v(7));
  *p += b;
  printf("%d\n", *p);
  struct acc a = {0, 0};
  struct acc* ap = &a;
  for (int i = 1; i <= 3; i++) add(ap, await(v(i)));
  printf("%d %d\n", ap->total, ap->n);
  int arr[3] = {1, 2, 3};
  int* last = &arr[2];
  await(asyncc_yield());
  *last *= 10;
  printf("%d\n", *last);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
