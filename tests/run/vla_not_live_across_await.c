/* A variable-length array in a block that contains no await, in an async
 * function that awaits before and after it, is allowed: only a VLA live
 * across an await is an error. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int n = await(v(5));
  int total = 0;
  {
    int vla[n];
    for (int i = 0; i < n; i++) vla[i] = i * i;
    for (int i = 0; i < n; i++) total += vla[i];
    printf("sizeof vla = %zu\n", sizeof vla);
  }
  total += await(v(100));
  printf("total=%d\n", total);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
