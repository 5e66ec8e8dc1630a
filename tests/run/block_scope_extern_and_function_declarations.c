/* Block-scope extern variable and function declarations inside an async
 * body refer to the file-scope entities (they are not frame fields), as do
 * enum constants and _Static_assert. */
#include <asyncc.h>
#include <stdio.h>

int shared_counter = 10;
int helper(int x) { return x + 1; }

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  extern int shared_counter;
  int helper(int);
  _Static_assert(sizeof(int) >= 2, "int too small");
  register int reg = 4;
  shared_counter += await(v(5));
  printf("%d %d\n", shared_counter, helper(reg));
  {
    extern int shared_counter;
    shared_counter = await(v(helper(shared_counter)));
  }
  printf("%d\n", shared_counter);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
