/* Awaits async functions of another translation unit through a.h. */
#include <stdio.h>

#include "a.h"

static async int amain(void) {
  int s = 0;
  for (int i = 0; i < 10; i++) s += await(add_later(i, 1));
  printf("%d\n", s);
  await(log_step("summing"));
  int vals[4] = {4, 3, 2, 1};
  struct stats st = await(summarize(vals, 4));
  printf("count=%d sum=%ld\n", st.count, st.sum);
  printf("%d\n", await(no_suspend(await(add_later(1, 2)))));
  await(log_step("done"));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
