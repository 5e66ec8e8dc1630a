/* Awaits in the then- and else-branches, including else-if chains and
 * branches without braces. */
#include <asyncc.h>
#include <stdio.h>

static async int step(const char* what, int v) {
  printf("step %s %d\n", what, v);
  await(asyncc_yield());
  return v + 1;
}

static async int classify(int n) {
  int r = 0;
  if (n < 0) {
    r = await(step("negative", n));
    r = await(step("negative again", r));
  } else if (n == 0) {
    r = await(step("zero", n));
  } else {
    if (n % 2)
      r = await(step("odd", n));
    else
      r = await(step("even", n));
    printf("after inner if %d\n", r);
  }
  printf("classify(%d) -> %d\n", n, r);
  return r;
}

async int amain(void) {
  int total = 0;
  total += await(classify(-5));
  total += await(classify(0));
  total += await(classify(3));
  total += await(classify(8));
  printf("total %d\n", total);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
