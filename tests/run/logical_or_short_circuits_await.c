/* a || await(f()): the awaited call runs only when the left side is false;
 * mixed && / || precedence. */
#include <asyncc.h>
#include <stdio.h>

static async int t(const char* name, int v) {
  printf("eval %s\n", name);
  await(asyncc_sleep(1));
  return v;
}

async int amain(void) {
  int zero = 0, one = 1;
  int r = one || await(t("skipped", 0));
  printf("r=%d\n", r);
  r = zero || await(t("b", 5));
  printf("r=%d\n", r);
  r = await(t("c", 9)) || await(t("skipped2", 0));
  printf("r=%d\n", r);
  r = await(t("d", 0)) || await(t("e", 0)) || await(t("f", 0));
  printf("r=%d\n", r);
  r = (await(t("g", 0)) && await(t("skipped3", 1))) || await(t("h", 1));
  printf("r=%d\n", r);
  r = await(t("i", 1)) || (await(t("skipped4", 1)) && await(t("skipped5", 1)));
  printf("r=%d\n", r);
  while (zero < 3 && (zero == 1 || await(t("loop", 1)))) zero++;
  printf("zero=%d\n", zero);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
