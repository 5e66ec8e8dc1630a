/* async void: plain falling off the end, return; in the middle, return
 * inside a loop, and awaiting a void function inside a void function. */
#include <asyncc.h>
#include <stdio.h>

static async void fall_off(int n) {
  await(asyncc_yield());
  printf("fall_off %d\n", n);
}

static async void early(int n) {
  if (n > 2) return;
  await(fall_off(n));
  printf("early %d finished\n", n);
}

static async void loop_return(int stop) {
  for (int i = 0;; i++) {
    await(asyncc_yield());
    if (i == stop) {
      printf("loop_return at %d\n", i);
      return;
    }
  }
}

static async void empty(void) {}

async int amain(void) {
  await(fall_off(1));
  await(early(2));
  await(early(3));
  await(loop_return(3));
  await(empty());
  printf("done\n");
  return 0;
}

int main(void) { return asyncc_run(amain()); }
