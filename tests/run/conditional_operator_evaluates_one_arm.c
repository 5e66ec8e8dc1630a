/* c ? await(a()) : await(b()): exactly one arm runs; awaits in the
 * condition, nested ?:, void arms, and ?: as an lvalue-producing pointer. */
#include <asyncc.h>
#include <stdio.h>

static async int t(const char* name, int v) {
  printf("eval %s\n", name);
  await(asyncc_yield());
  return v;
}

static async void say(const char* s) {
  await(asyncc_yield());
  printf("say %s\n", s);
}

async int amain(void) {
  int one = 1, zero = 0;
  int r = one ? await(t("then", 1)) : await(t("else-skipped", 2));
  printf("r=%d\n", r);
  r = zero ? await(t("then-skipped", 1)) : await(t("else", 2));
  printf("r=%d\n", r);
  r = await(t("cond", 0)) ? 10 : await(t("else2", 20));
  printf("r=%d\n", r);
  r = await(t("c1", 1)) ? await(t("c2", 0)) ? await(t("s1", 1)) : await(t("a", 3))
                        : await(t("s2", 4));
  printf("r=%d\n", r);
  one ? await(say("yes")) : await(say("no"));
  int a = 1, b = 2;
  *(await(t("pick", 0)) ? &a : &b) = 50;
  printf("a=%d b=%d\n", a, b);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
