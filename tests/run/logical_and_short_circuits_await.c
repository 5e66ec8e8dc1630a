/* a && await(f()): the awaited call runs only when the left side is true;
 * chains of && with awaits on both sides. */
#include <asyncc.h>
#include <stdio.h>

static async int t(const char* name, int v) {
  printf("eval %s\n", name);
  await(asyncc_yield());
  return v;
}

async int amain(void) {
  int zero = 0, one = 1;
  int r = zero && await(t("skipped", 1));
  printf("r=%d\n", r);
  r = one && await(t("b", 7));
  printf("r=%d\n", r);
  r = await(t("c", 0)) && await(t("skipped2", 1));
  printf("r=%d\n", r);
  r = await(t("d", 2)) && await(t("e", 3)) && await(t("f", 0)) &&
      await(t("skipped3", 1));
  printf("r=%d\n", r);
  if (await(t("g", 1)) && await(t("h", 1))) printf("both\n");
  return 0;
}

int main(void) { return asyncc_run(amain()); }
