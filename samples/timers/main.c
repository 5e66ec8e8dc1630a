/* main.c - timers: a small pipeline of async steps driven by libuv timers.
 *
 * Each stage awaits a timer (asyncc_sleep) or a turn of the event loop
 * (asyncc_yield); the locals of every stage (loop counters, running totals)
 * live across those awaits in the stage's frame. Run it and watch the
 * pauses: the whole program is one thread and one event loop.
 */
#include <asyncc.h>
#include <stdint.h>
#include <stdio.h>

/* Waits 'ms' milliseconds, then reports how long it asked for. */
static async int tick(const char* name, int ms) {
  int rc = await(asyncc_sleep((uint64_t)ms));
  if (rc != 0) {
    printf("  %s: sleep failed (%d)\n", name, rc);
    return -1;
  }
  printf("  %s: waited %d ms\n", name, ms);
  return ms;
}

/* Counts down from 'n', one timer per step. */
static async int countdown(int n) {
  int waited = 0;
  while (n > 0) {
    printf("  countdown: %d\n", n);
    waited += await(tick("countdown", 50));
    n--;
  }
  return waited;
}

/* Yields to the loop between items so other work could run. */
static async int sum_slowly(int count) {
  int sum = 0;
  for (int i = 1; i <= count; i++) {
    await(asyncc_yield());
    sum += i;
    if (i % 2 == 0) printf("  sum_slowly: after %d items, sum = %d\n", i, sum);
  }
  return sum;
}

static async int amain(void) {
  printf("stage 1: a countdown on timers\n");
  int waited = await(countdown(3));
  printf("stage 1 done: %d ms of timers\n", waited);

  printf("stage 2: yield between steps\n");
  int sum = await(sum_slowly(6));
  printf("stage 2 done: sum = %d\n", sum);

  printf("stage 3: timers of different lengths, one after another\n");
  int total = 0;
  for (int ms = 10; ms <= 40; ms += 10) total += await(tick("stage 3", ms));
  printf("stage 3 done: %d ms\n", total);

  if (waited != 150 || sum != 21 || total != 100) {
    printf("unexpected results\n");
    return 1;
  }
  printf("all done\n");
  return 0;
}

int main(void) { return asyncc_run(amain()); }
