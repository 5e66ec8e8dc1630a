/* Declarations that use object-like and function-like macros (bool/true
 * from stdbool.h, NULL, array sizes, initializer macros) in a body that
 * awaits, live across the awaits. */
#include <asyncc.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define BUF_SIZE 8
#define INIT_PAIR(a, b) {(a), (b)}
#define SQUARE(x) ((x) * (x))

struct pair {
  int a, b;
};

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  bool done = false;
  int* nothing = NULL;
  int buf[BUF_SIZE] = {0};
  struct pair p = INIT_PAIR(3, 4);
  int sq = SQUARE(3);
  sq += await(v(16));
  await(v(0));
  for (int i = 0; i < BUF_SIZE; i++) buf[i] = SQUARE(i);
  done = await(v(1)) == 1;
  printf("%d %d %zu %d %d %d %d\n", done, nothing == NULL, sizeof buf,
         buf[BUF_SIZE - 1], p.a, p.b, sq);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
