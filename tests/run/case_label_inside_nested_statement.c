/* A case label inside a nested if and inside a loop body of a switch, with
 * awaits before and after the label (legal C: case labels may appear in any
 * statement nested in the switch body). */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

static async int weird(int k, int flag) {
  int acc = 0;
  int i = 0;
  switch (k) {
    case 0:
      if (flag) {
        acc += await(v(1));
        /* fallthrough */
        case 1:
          acc += await(v(10));
      }
      break;
    case 2:
      for (i = 0; i < 2; i++) {
        acc += await(v(100));
        /* fallthrough */
        case 3:
          acc += await(v(1000));
      }
      break;
  }
  return acc;
}

async int amain(void) {
  for (int k = 0; k < 4; k++)
    printf("k=%d: %d %d\n", k, await(weird(k, 0)), await(weird(k, 1)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
