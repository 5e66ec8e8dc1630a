/* bench/yield/asyncc.c - measurement 2, asyncc: suspend to the event loop
 * and resume, await(asyncc_yield()), in one task.
 *
 *   yield_asyncc 1 SWITCHES      ns per switch
 */
#include <asyncc.h>

#include "bench.h"

static async int worker(long n) {
  for (long i = 0; i < n; i++) await(asyncc_yield());
  return 0;
}

static async int amain(long n) {
  await(worker(n / 10 + 1)); /* warm up */
  uint64_t t0 = bench_now_ns();
  await(worker(n));
  uint64_t t1 = bench_now_ns();
  bench_report("ns_per_op", (double)(t1 - t0) / (double)n);
  return 0;
}

int main(int argc, char** argv) {
  if (bench_arg(argc, argv, 1, 1) != 1) {
    fprintf(stderr, "yield_asyncc: only one task is supported\n");
    return 2;
  }
  return asyncc_run(amain(bench_arg(argc, argv, 2, 2000000)));
}
