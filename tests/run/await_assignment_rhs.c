/* x = await(f()); to locals, parameters, globals, array elements and
 * struct members. */
#include <asyncc.h>
#include <stdio.h>

struct pair {
  int lo, hi;
};

static int global_value = -1;

static async int later(int x) {
  await(asyncc_yield());
  return x + 100;
}

static async int now(int x) { return x - 100; }

static async int run(int param) {
  int local;
  int arr[3] = {0, 0, 0};
  struct pair p = {0, 0};
  local = await(later(1));
  printf("local=%d\n", local);
  param = await(now(param));
  printf("param=%d\n", param);
  global_value = await(later(2));
  printf("global=%d\n", global_value);
  arr[1] = await(later(3));
  printf("arr=%d,%d,%d\n", arr[0], arr[1], arr[2]);
  p.hi = await(now(500));
  p.lo = await(later(-50));
  printf("p=%d,%d\n", p.lo, p.hi);
  local = await(later(local));
  printf("local=%d\n", local);
  return local + param;
}

async int amain(void) {
  int r = await(run(1000));
  printf("r=%d\n", r);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
