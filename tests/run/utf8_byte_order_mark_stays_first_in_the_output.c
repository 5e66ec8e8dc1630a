/* This file starts with a UTF-8 byte order mark, as some editors save C
 * files. The output must keep it as its first bytes: before the prologue
 * asyncc writes, it was left in the middle of the output, where no
 * compiler accepts it and the output did not compile. */
#include <asyncc.h>
#include <stdio.h>

static async int f(int x) {
  await(asyncc_yield());
  return x + 1;
}

async int amain(void) {
  int s = 0;
  for (int i = 0; i < 3; i++) s += await(f(i));
  printf("%d\n", s);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
