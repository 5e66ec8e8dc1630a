/* await inside the argument of a function-like macro: the awaited call runs
 * as often as the expansion evaluates the argument (twice for SQUARE, once
 * or not at all for the selected arm of PICK), exactly as in the
 * synchronous reading. */
#include <asyncc.h>
#include <stdio.h>

#define SQUARE(x) ((x) * (x))
#define PICK(c, a, b) ((c) ? (a) : (b))
#define LOG_VALUE(tag, e) printf("%s = %d\n", (tag), (e))

static int calls;

/* Both evaluations inside SQUARE print the same line, so the unspecified
 * order of the operands of '*' cannot show. */
static async int loud(int n) {
  printf("loud %d\n", n);
  calls++;
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int sq = SQUARE(await(loud(5)));
  printf("sq=%d calls=%d\n", sq, calls);
  int p = PICK(sq > 10, await(loud(1)), await(loud(2)));
  printf("p=%d calls=%d\n", p, calls);
  LOG_VALUE("value", await(loud(7)) + 1);
  printf("calls=%d\n", calls);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
