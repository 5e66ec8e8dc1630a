/* assert(await(...)) with glibc's GNU-mode assert, which puts the
 * expression both in a sizeof (unevaluated: no await there) and in a
 * statement expression (evaluated once); and GNU statement expressions
 * with awaits written directly, used for their value and as statements.
 * NDEBUG is undefined so the assert runs in every build type (release
 * builds define it, which would drop the awaited call). */
#undef NDEBUG
#include <assert.h>
#include <asyncc.h>
#include <stdio.h>

static async int f(int x) {
  await(asyncc_yield());
  return x;
}

static int calls;

static async int counted(int x) {
  calls++;
  return await(f(x));
}

async int amain(void) {
  assert(await(counted(13)) == 13);
  int v = ({
    int t = await(f(2));
    int u = await(f(t + 1));
    t * 10 + u;
  });
  ({
    for (int i = 0; i < 3; i++) v += await(f(i));
  });
  printf("%d %d %s\n", v, calls, __PRETTY_FUNCTION__);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
