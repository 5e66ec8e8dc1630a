/* default in the middle of a switch, cases whose bodies contain several
 * awaits and nested blocks, and a switch inside a loop where break leaves
 * the switch and continue the loop. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int x) {
  await(asyncc_sleep((uint64_t)(x & 1)));
  return x;
}

async int amain(void) {
  for (int i = 0; i < 6; i++) {
    int r = 0;
    switch (i) {
      case 1:
        r = await(v(1));
        r += await(v(2));
        break;
      default: {
        int local = await(v(i * 10));
        r = local + await(v(1));
      }
        /* fallthrough */
      case 4:
        r += await(v(1000));
        break;
      case 3:
        continue;
      case 5:
        if (await(v(5)) == 5) break;
        r = -1;
        break;
    }
    printf("i=%d r=%d\n", i, r);
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
