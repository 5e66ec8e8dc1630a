/* bench/park/asyncc.c - measurement 3, asyncc: memory of N suspended tasks,
 * each awaiting a shared future.
 *
 * Each task is spawned and detached; it runs up to its await of the
 * future and stays suspended there until main resolves it, once all N are
 * parked. What a task costs is whatever asyncc and its runtime allocate
 * for it: the task, its frame and the frame of the future wait.
 *
 *   park_asyncc N      prints "parked N"; bench/run takes the peak RSS
 *                      with /usr/bin/time and subtracts the N=0 run
 */
#include <asyncc.h>

#include "bench.h"

static long total;  /* checksum */
static long parked; /* tasks currently suspended */

static async int parked_task(asyncc_future_t* fut, int id) {
  parked++;
  int rc = await(asyncc_future_wait(fut));
  parked--;
  total += rc + id;
  return 0;
}

static async int amain(long n) {
  asyncc_future_t fut;
  asyncc_future_init(&fut);
  for (long i = 0; i < n; i++)
    asyncc_task_detach(asyncc_spawn(parked_task(&fut, (int)i)));
  /* Spawned tasks start on the next loop turn, ahead of this one. */
  while (parked < n) await(asyncc_yield());
  printf("parked %ld\n", parked);
  asyncc_future_resolve(&fut, NULL);
  while (parked > 0) await(asyncc_yield());
  asyncc_future_close(&fut);
  fprintf(stderr, "checksum %ld\n", total);
  return 0;
}

int main(int argc, char** argv) {
  return asyncc_run(amain(bench_arg(argc, argv, 1, 1000000)));
}
