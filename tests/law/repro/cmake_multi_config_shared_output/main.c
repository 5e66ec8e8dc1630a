/* See CMakeLists.txt. TRY() hides an await, so asyncc macro-expands this
 * function, assert() included, with the macros of the configuration whose
 * command ran. */
#include <asyncc.h>
#include <assert.h>
#include <stdio.h>

#define TRY(x) \
  do { \
    if ((x) < 0) return -1; \
  } while (0)

static async int step(int v) {
  await(asyncc_yield());
  return v;
}

static async int amain(void) {
  int r = 0;
  TRY(r = await(step(1)));
  assert(r == 0); /* fails: only Release (NDEBUG) must pass */
#ifdef NDEBUG
  puts("release");
#else
  puts("debug");
#endif
  return 0;
}

int main(void) { return asyncc_run(amain()); }
