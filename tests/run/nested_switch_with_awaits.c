/* A switch nested in a switch, both with awaits in cases, and break
 * leaving only the inner switch. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

static async int both(int a, int b) {
  int r = 0;
  switch (await(v(a))) {
    case 0:
      switch (await(v(b))) {
        case 0:
          r = await(v(1));
          break;
        case 1:
          r = await(v(2));
          /* fallthrough */
        default:
          r += await(v(20));
      }
      r += 100;
      break;
    default:
      r = -1;
      switch (b) {
        case 1:
          r = await(v(-2));
      }
  }
  return r;
}

async int amain(void) {
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 3; b++) printf("%d %d -> %d\n", a, b, await(both(a, b)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
