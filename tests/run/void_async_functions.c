/* async void functions: awaited as statements, with early return; and ones
 * that never suspend. */
#include <asyncc.h>
#include <stdio.h>

static int counter;

static async void bump(int by) {
  await(asyncc_yield());
  counter += by;
  printf("bump %d -> %d\n", by, counter);
}

static async void maybe_bump(int by) {
  if (by < 0) {
    printf("skip %d\n", by);
    return;
  }
  await(bump(by));
  await(bump(by));
}

static async void instant(void) { counter *= 2; }

async int amain(void) {
  await(bump(1));
  await(maybe_bump(-3));
  await(maybe_bump(2));
  await(instant());
  printf("counter %d\n", counter);
  return counter;
}

int main(void) { return asyncc_run(amain()) == 10 ? 0 : 1; }
