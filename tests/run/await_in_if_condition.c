/* if (await(f())) and else-if conditions with awaits: only the conditions C
 * reaches are evaluated. */
#include <asyncc.h>
#include <stdio.h>

static async int test(const char* name, int v) {
  printf("test %s\n", name);
  await(asyncc_yield());
  return v;
}

async int amain(void) {
  if (await(test("a", 1))) printf("a true\n");
  if (await(test("b", 0)))
    printf("b true\n");
  else
    printf("b false\n");
  if (await(test("c", 0)))
    printf("c\n");
  else if (await(test("d", 0)))
    printf("d\n");
  else if (await(test("e", 1)))
    printf("e\n");
  else if (await(test("f", 1)))
    printf("f\n");
  int x;
  if ((x = await(test("g", 5))) > 3) printf("x=%d\n", x);
  if (!await(test("h", 0))) printf("not h\n");
  return 0;
}

int main(void) { return asyncc_run(amain()); }
