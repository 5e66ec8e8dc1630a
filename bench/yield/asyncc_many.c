/* bench/yield/asyncc_many.c - measurement 2, asyncc: NTASKS concurrent
 * tasks, each suspending to the event loop and resuming with
 * await(asyncc_yield()), so NTASKS tasks are ready at every loop turn.
 *
 *   yield_many_asyncc NTASKS SWITCHES      ns per switch (SWITCHES in total)
 */
#include <asyncc.h>

#include "bench.h"

static async int worker(long n) {
  for (long i = 0; i < n; i++) await(asyncc_yield());
  return 0;
}

/* Spawns 'ntasks' workers of 'per' yields each and joins them all; returns
 * ns per switch. */
static async double run(long ntasks, long per) {
  asyncc_task_t** tasks = malloc((size_t)ntasks * sizeof *tasks);
  if (!tasks) abort();
  uint64_t t0 = bench_now_ns();
  for (long t = 0; t < ntasks; t++) tasks[t] = asyncc_spawn(worker(per));
  long failed = 0;
  for (long t = 0; t < ntasks; t++) {
    int result;
    await(asyncc_task_join(tasks[t], &result));
    failed += result != 0;
  }
  uint64_t t1 = bench_now_ns();
  free(tasks);
  if (failed) abort();
  return (double)(t1 - t0) / ((double)ntasks * (double)per);
}

static async int amain(long ntasks, long total) {
  long per = total / ntasks;
  if (per < 1) per = 1;
  await(run(ntasks, per / 10 + 1)); /* warm up */
  bench_report("ns_per_op", await(run(ntasks, per)));
  return 0;
}

int main(int argc, char** argv) {
  long ntasks = bench_arg(argc, argv, 1, 1000);
  if (ntasks < 1) return 2;
  return asyncc_run(amain(ntasks, bench_arg(argc, argv, 2, 20000000)));
}
