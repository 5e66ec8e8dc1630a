/* bench/await/plain.c - measurement 1, the limit: a plain C function call.
 *
 * The callee does the same work as the async callee in asyncc.c (x + 1 on
 * an opaque value) and is kept out of line, as a call to a function the
 * caller cannot see into would be. ns per call.
 */
#include "bench.h"

__attribute__((noinline)) static int leaf(int x) {
  BENCH_OPAQUE(x);
  return x + 1;
}

static long loop(long n) {
  long sum = 0;
  for (long i = 0; i < n; i++) sum += leaf((int)i);
  return sum;
}

int main(int argc, char** argv) {
  long n = bench_arg(argc, argv, 1, 100000000);
  long sum = loop(n / 10); /* warm up */
  uint64_t t0 = bench_now_ns();
  sum += loop(n);
  uint64_t t1 = bench_now_ns();
  bench_report("ns_per_op", (double)(t1 - t0) / (double)n);
  fprintf(stderr, "checksum %ld\n", sum);
  return 0;
}
