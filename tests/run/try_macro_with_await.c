/* A TRY(e) error-handling macro whose expansion contains await: the error
 * path returns early (skipping the rest), the success path continues. */
#include <asyncc.h>
#include <stdio.h>

#define TRY(call)                  \
  do {                             \
    int try_rc_ = await(call);     \
    if (try_rc_ < 0) {             \
      printf("  failed: %s = %d\n", #call, try_rc_); \
      return try_rc_;              \
    }                              \
  } while (0)

#define CHECKED(call, out) \
  (((out) = await(call)) < 0 ? (printf("  bad %d\n", (out)), 1) : 0)

static async int step(const char* name, int rc) {
  await(asyncc_yield());
  printf("  step %s -> %d\n", name, rc);
  return rc;
}

static async int pipeline(int fail_at) {
  TRY(step("open", fail_at == 1 ? -1 : 0));
  TRY(step("read", fail_at == 2 ? -2 : 0));
  TRY(asyncc_sleep(1));
  TRY(step("close", fail_at == 3 ? -3 : 0));
  return 0;
}

static async int checked(int v) {
  int out = 0;
  if (CHECKED(step("checked", v), out)) return -100;
  return out * 2;
}

async int amain(void) {
  for (int i = 0; i <= 3; i++) {
    printf("pipeline(%d)\n", i);
    printf("-> %d\n", await(pipeline(i)));
  }
  printf("-> %d\n", await(checked(4)));
  printf("-> %d\n", await(checked(-4)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
