/* bench/lib/bench.h - timing and reporting helpers shared by the C programs.
 *
 * Every benchmark program prints its results to stdout as lines of the form
 *   <metric> <value>
 * (for example "ns_per_op 1.712"), which bench/run collects over several
 * runs and reduces to medians. Nothing else goes to stdout; diagnostics go
 * to stderr. The helpers are static inline so that the asyncc programs
 * (transpiled async C) can include this header like any other C file.
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Monotonic time in nanoseconds. */
static inline uint64_t bench_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* argv[i] as a long, or 'dflt' when absent. Accepts 1e6-style suffixes
 * k/m (thousands/millions) for readability in bench/run. */
static inline long bench_arg(int argc, char** argv, int i, long dflt) {
  char* end;
  double v;
  if (i >= argc) return dflt;
  v = strtod(argv[i], &end);
  if (*end == 'k' || *end == 'K') v *= 1e3;
  if (*end == 'm' || *end == 'M') v *= 1e6;
  return (long)v;
}

/* Prints one result line. */
static inline void bench_report(const char* metric, double value) {
  printf("%s %.4f\n", metric, value);
  fflush(stdout);
}

/* Keeps 'x' opaque to the optimizer: the compiler must assume the empty asm
 * reads and rewrites it, so no variant can constant-fold the work away.
 * It costs no instruction. Used identically in every C variant. */
#define BENCH_OPAQUE(x) __asm__ volatile("" : "+r"(x))

#endif /* BENCH_BENCH_H */
