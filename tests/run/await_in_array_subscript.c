/* arr[await(i())] as rvalue and lvalue, and await(...)[k] on a returned
 * pointer. */
#include <asyncc.h>
#include <stdio.h>

static const int table[5] = {10, 20, 30, 40, 50};

static async int idx(int i) {
  await(asyncc_yield());
  return i;
}

static async const int* base(void) {
  await(asyncc_sleep(1));
  return table;
}

async int amain(void) {
  int arr[5] = {1, 2, 3, 4, 5};
  printf("%d\n", arr[await(idx(3))]);
  arr[await(idx(0))] = 100;
  arr[await(idx(1))] += await(idx(7));
  printf("%d %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3], arr[4]);
  printf("%d\n", await(base())[2]);
  printf("%d\n", await(base())[await(idx(4))]);
  printf("%d\n", await(idx(1))[table]);
  int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
  printf("%d\n", m[await(idx(1))][await(idx(2))]);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
