/* do { } while (await(more())); the condition awaits after each pass,
 * continue jumps to it. */
#include <asyncc.h>
#include <stdio.h>

static int budget = 4;

static async int more(void) {
  await(asyncc_yield());
  printf("more? budget=%d\n", budget);
  return budget-- > 0;
}

async int amain(void) {
  int n = 0;
  do {
    n++;
    if (n == 2) continue;
    printf("body n=%d\n", n);
  } while (await(more()));
  printf("n=%d\n", n);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
