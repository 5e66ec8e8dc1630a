/* Awaited values inside compound literals, used directly and kept in a
 * local across later awaits. */
#include <asyncc.h>
#include <stdio.h>

struct pt {
  int x, y;
};

static async int v(int x) {
  await(asyncc_yield());
  return x;
}

static int sum(const int* a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

async int amain(void) {
  struct pt p = (struct pt){await(v(1)), await(v(2))};
  await(asyncc_yield());
  printf("p=(%d,%d)\n", p.x, p.y);
  printf("sum=%d\n", sum((int[]){await(v(3)), 4, await(v(5))}, 3));
  struct pt q = (struct pt){.y = await(v(8)), .x = 7};
  printf("q=(%d,%d)\n", q.x, q.y);
  int y = ((struct pt){0, await(v(6))}).y;
  printf("y=%d\n", y);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
