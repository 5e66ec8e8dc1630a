/* A multi-character constant ('ab', an int whose value GCC and clang
 * agree on) in an async function asyncc prints with its macros expanded
 * (AW hides an await): the printer spelled it '\u6162', which clang then
 * rejected (law repro multichar_constant_macro_expanded); it is printed as
 * its value. */
#include <asyncc.h>
#include <stdio.h>

#pragma GCC diagnostic ignored "-Wmultichar"

#define AW(x) await(x)

static async int id(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int k = AW(id(1));
  printf("%d %d %d\n", 'ab' + k, 'a', '\n');
  return 0;
}

int main(void) { return asyncc_run(amain()); }
