/* A self-referential function-like macro (#define malloc(n) (nalloc++,
 * malloc(n))) whose argument awaits, in a function asyncc prints with its
 * macros expanded (AW hides an await): asyncc parsed the printed text
 * with the macro still defined, expanded malloc a second time, and
 * lowered that phantom expansion: the output kept an unlowered await and
 * did not compile. */
#include <asyncc.h>
#include <stdio.h>
#include <stdlib.h>

static int nalloc;
#define malloc(n) (nalloc++, malloc(n))
static int twice(int v) { return 2 * v; }
#define twice(v) (nalloc += 10, twice(v))
#define AW(x) await(x)

static async int id(int v) {
  await(asyncc_yield());
  return v;
}

static async int f(int k) {
  int b = AW(id(k));
  void* q = malloc(await(id(8)));
  free(q);
  int a = twice(await(id(b + 1))) + twice(b);
  return a + b;
}

async int amain(void) {
  int r = await(f(3));
  printf("%d %d\n", r, nalloc);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
