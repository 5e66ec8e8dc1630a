/* return from switch cases, before and after awaits, inside a loop. */
#include <asyncc.h>
#include <stdio.h>

static async int val(int x) {
  await(asyncc_yield());
  return x;
}

static async int decide(int k) {
  switch (k) {
    case 0:
      return await(val(100));
    case 1: {
      int v = await(val(k + 10));
      if (v > 5) return v;
      break;
    }
    case 2:
      await(asyncc_yield());
      /* fallthrough */
    case 3:
      return await(val(k * 1000));
    default:
      break;
  }
  printf("after switch k=%d\n", k);
  return -k;
}

static async int loop_switch(void) {
  for (int i = 0;; i++) {
    switch (await(val(i))) {
      case 4:
        return i;
      default:
        printf("loop %d\n", i);
    }
  }
}

async int amain(void) {
  for (int k = 0; k < 5; k++) printf("decide(%d)=%d\n", k, await(decide(k)));
  printf("loop_switch=%d\n", await(loop_switch()));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
