/* law repro: __builtin_offsetof whose type holds an await in a
 * __typeof__ and whose member designator awaits too: the expression is
 * not a constant, so the typeof's await is taken for an evaluated one and
 * hoisted out of the type; the output spells '__typeof__asyncc__f->...'
 * and does not compile (sync prints "4 1": only the index's await runs).
 * The same without the index await is diagnosed since hunt5. Found by
 * the hunt5 await-wrapping mutator, low priority. */
#include <asyncc.h>
#include <stdio.h>

static int calls;

static async int id(int v) {
  calls++;
  await(asyncc_yield());
  return v;
}

struct S {
  int a[4];
};

static async int g(void) {
  return (int)__builtin_offsetof(
      __typeof__(*(struct S*)(await(id(0)) ? 0 : 0)), a[await(id(1))]);
}

async int amain(void) {
  int b = await(g());
  printf("%d %d\n", b, calls);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
