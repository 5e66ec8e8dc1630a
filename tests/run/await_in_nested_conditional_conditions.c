/* Awaits inside ?: inside if / while conditions, and && inside ?: arms. */
#include <asyncc.h>
#include <stdio.h>

static async int t(const char* name, int v) {
  printf("eval %s\n", name);
  await(asyncc_yield());
  return v;
}

async int amain(void) {
  int one = 1;
  if (one ? await(t("a", 0)) : await(t("skip1", 1)))
    printf("then\n");
  else
    printf("else\n");
  int i = 0;
  while (i < 2 ? await(t("w", 1)) && i != 1 : 0) i++;
  printf("i=%d\n", i);
  int r = (await(t("b", 0)) ? await(t("skip2", 1)) : await(t("c", 1)) || await(t("skip3", 1)));
  printf("r=%d\n", r);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
