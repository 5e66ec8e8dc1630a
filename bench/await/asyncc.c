/* bench/await/asyncc.c - measurement 1, asyncc: await of an async call that
 * completes without suspending.
 *
 * Ordinary async C, transpiled by the just-built asyncc. The callee does the
 * same work as leaf() in plain.c, sm.c and coro.cpp. ns per await.
 */
#include <asyncc.h>

#include "bench.h"

static async int leaf(int x) {
  BENCH_OPAQUE(x);
  return x + 1;
}

static async long loop(long n) {
  long sum = 0;
  for (long i = 0; i < n; i++) sum += await(leaf((int)i));
  return sum;
}

static async int amain(long n) {
  long sum = await(loop(n / 10)); /* warm up */
  uint64_t t0 = bench_now_ns();
  sum += await(loop(n));
  uint64_t t1 = bench_now_ns();
  bench_report("ns_per_op", (double)(t1 - t0) / (double)n);
  fprintf(stderr, "checksum %ld\n", sum);
  return 0;
}

int main(int argc, char** argv) {
  return asyncc_run(amain(bench_arg(argc, argv, 1, 100000000)));
}
