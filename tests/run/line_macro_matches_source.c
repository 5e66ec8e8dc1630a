/* __LINE__ inside async functions, before and after awaits, in a macro
 * used in the body, is the line in this source file. */
#include <asyncc.h>
#include <stdio.h>

#define WHERE() printf("line %d\n", __LINE__)

static async int f(void) {
  WHERE();
  await(asyncc_yield());
  WHERE();
  int line = __LINE__;
  await(asyncc_yield());
  return line;
}

async int amain(void) {
  printf("line %d\n", __LINE__);
  printf("f line %d\n", await(f()));
  printf("line %d\n", __LINE__);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
