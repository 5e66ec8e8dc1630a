/* A case that awaits and falls through into the next, which awaits too;
 * entering at each case gives the right suffix. */
#include <asyncc.h>
#include <stdio.h>

static async int note(const char* s, int v) {
  await(asyncc_yield());
  printf("  %s\n", s);
  return v;
}

static async int cascade(int k) {
  int acc = 0;
  switch (k) {
    case 3:
      acc += await(note("three", 3));
      /* fallthrough */
    case 2:
      acc += await(note("two", 20));
      /* fallthrough */
    case 1:
      acc += await(note("one", 100));
      break;
    case 0:
      acc = -1;
  }
  return acc;
}

async int amain(void) {
  for (int k = 4; k >= 0; k--) {
    printf("k=%d\n", k);
    printf("acc=%d\n", await(cascade(k)));
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
