/* bench/await/sm.c - measurement 1, the hand-written baseline: the state
 * machine a careful C programmer writes instead of a call that may suspend.
 *
 * A caller frame and a callee frame, each a struct with a state number and
 * a resume function that switches on it. By default the callee frame is
 * embedded in the caller's (no allocation per call); built with
 * -DBENCH_SM_MALLOC=1 the callee frame is malloc'd and freed per call
 * instead. The callee's resume function is kept out of line, like leaf() in
 * plain.c. ns per await.
 */
#include "bench.h"

#ifndef BENCH_SM_MALLOC
#define BENCH_SM_MALLOC 0
#endif

enum { DONE = 0, PENDING = 1 };

struct leaf_frame {
  int state; /* resume point; 0 = not started */
  int x;     /* argument */
  int ret;   /* result */
};

__attribute__((noinline)) static int leaf_resume(struct leaf_frame* f) {
  switch (f->state) {
    case 0:
      break;
    default:
      abort(); /* never suspends in this benchmark */
  }
  int x = f->x;
  BENCH_OPAQUE(x);
  f->ret = x + 1;
  return DONE;
}

struct loop_frame {
  int state; /* resume point */
  long i;    /* loop counter, live across the await */
  long n;    /* iterations */
  long sum;  /* accumulated result */
#if BENCH_SM_MALLOC
  struct leaf_frame* c; /* callee frame, malloc'd per call */
#else
  struct leaf_frame c; /* callee frame, embedded */
#endif
};

static int loop_resume(struct loop_frame* f) {
  switch (f->state) {
    case 0:
      break;
    case 1:
      goto L1;
  }
  for (f->i = 0; f->i < f->n; f->i++) {
#if BENCH_SM_MALLOC
    f->c = malloc(sizeof *f->c);
    if (!f->c) abort();
    f->c->state = 0;
    f->c->x = (int)f->i;
    if (leaf_resume(f->c) != DONE) {
      f->state = 1;
      return PENDING;
    }
  L1:
    f->sum += f->c->ret;
    free(f->c);
#else
    f->c.state = 0;
    f->c.x = (int)f->i;
    if (leaf_resume(&f->c) != DONE) {
      f->state = 1;
      return PENDING;
    }
  L1:
    f->sum += f->c.ret;
#endif
  }
  return DONE;
}

static long loop(long n) {
  struct loop_frame f = {0};
  f.n = n;
  if (loop_resume(&f) != DONE) abort();
  return f.sum;
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
