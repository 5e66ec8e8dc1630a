/* (await(a()), await(b())): both run, left to right (the comma operator is
 * a sequence point), the value is the right one. */
#include <asyncc.h>
#include <stdio.h>

static async int t(const char* name, int v) {
  printf("eval %s\n", name);
  await(asyncc_yield());
  return v;
}

async int amain(void) {
  int r = (await(t("a", 1)), await(t("b", 2)));
  printf("r=%d\n", r);
  int x = 0;
  r = (x = await(t("c", 3)), x + await(t("d", 4)));
  printf("r=%d x=%d\n", r, x);
  for (int i = 0, j = 0; i < 2; i++, j = (await(t("inc", i)), j + 1))
    printf("i=%d j=%d\n", i, j);
  r = (x++, await(t("e", x)), x++, x);
  printf("r=%d x=%d\n", r, x);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
