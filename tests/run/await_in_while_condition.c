/* while (await(next()) ...): the condition is re-evaluated, and re-awaited,
 * on every iteration. */
#include <asyncc.h>
#include <stdio.h>

static int items[] = {3, 1, 4, 1, 5, 0, 9};
static int pos;

static async int next(void) {
  await(asyncc_sleep(1));
  return items[pos++];
}

static async int below(int i, int n) {
  await(asyncc_yield());
  return i < n;
}

async int amain(void) {
  int x, sum = 0;
  while ((x = await(next())) != 0) {
    sum += x;
    printf("x=%d sum=%d\n", x, sum);
  }
  printf("pos=%d\n", pos);
  int i = 0;
  while (await(below(i, 4))) i++;
  printf("i=%d\n", i);
  while (await(below(i, 0))) printf("never\n");
  return 0;
}

int main(void) { return asyncc_run(amain()); }
