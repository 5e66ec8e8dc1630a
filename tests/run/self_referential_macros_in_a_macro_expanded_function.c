/* Self-referential macros (a counting malloc wrapper, #define depth
 * (depth + 1)) in an async function that asyncc prints with its macros
 * expanded (AW hides an await): the printed expansion still names malloc
 * and depth, and compiling the output expanded them a second time
 * (counted twice, +1 twice; hunt repro
 * self_referential_macro_expanded_twice). Also a callee defined after its
 * caller (lowered early) and a macro left in place after the function. */
#include <asyncc.h>
#include <stdio.h>
#include <stdlib.h>

static int nalloc;
#define malloc(n) (nalloc++, malloc(n))
static int depth = 10;
#define depth (depth + 1)
#define AW(x) await(x)

static async int later(int x);

async int amain(void) {
  int k = AW(later(1));
  void* p = malloc(16);
  free(p);
  int d = depth;
  printf("%d %d %d\n", k, nalloc, d);
  return 0;
}

static async int later(int x) {
  await(asyncc_yield());
  void* q = malloc(8);
  free(q);
  return AW(asyncc_yield()) + x + depth - depth;
}

static int after(void) { return depth; }

int main(void) {
  int r = asyncc_run(amain());
  printf("%d %d\n", nalloc, after());
  return r;
}
