/* bench/yield/sm_queue.c - measurement 2, a reference peer: hand-written
 * state machines on the libuv ready queue.
 *
 * The libuv queue of uv_queue.c, but each job is what asyncc makes of an
 * async function: a frame struct holding a state number and the locals
 * that live across the suspension (the loop counter and its bound), and a
 * resume function that switches on the state, runs until the next yield,
 * queues its frame and returns PENDING. The drain calls each frame's
 * resume function through the frame's pointer, as any scheduler of
 * different functions must. There are no tasks: nothing records which
 * task runs, nothing can be cancelled or joined, and a yield has no
 * result. So this is the cost of the state machine itself, the floor for
 * any design that lowers async functions to resume functions, with the
 * bookkeeping asyncc's tasks add (see docs/performance.md) left out.
 *
 *   yield_sm NTASKS SWITCHES      ns per switch (SWITCHES in total)
 */
#include <uv.h>

#include "bench.h"

enum { DONE = 0, PENDING = 1 };

typedef struct frame_s frame_t;
struct frame_s {
  int (*resume)(frame_t*); /* runs the frame from its state */
  frame_t* next;           /* ready-queue link */
  int state;               /* resume point; 0 = not started */
};

static frame_t* rq_head;             /* ready queue, FIFO */
static frame_t** rq_tail = &rq_head; /* &last->next, or &rq_head if empty */
static uv_idle_t rq_idle;
static int rq_active;  /* rq_idle started */
static long jobs_left; /* frames not done */

static void rq_drain(uv_idle_t* idle) {
  frame_t* f = rq_head;
  rq_head = NULL;
  rq_tail = &rq_head;
  while (f != NULL) {
    frame_t* next = f->next; /* f->resume may queue f again */
    if (f->resume(f) == DONE) jobs_left--;
    f = next;
  }
  if (rq_head == NULL) {
    uv_idle_stop(idle);
    rq_active = 0;
  }
}

static void rq_push(frame_t* f) {
  f->next = NULL;
  *rq_tail = f;
  rq_tail = &f->next;
  if (!rq_active) {
    uv_idle_start(&rq_idle, rq_drain);
    rq_active = 1;
  }
}

/* for (i = 0; i < n; i++) yield; */
struct worker_frame {
  frame_t hdr;
  long i; /* live across the yield */
  long n;
};

__attribute__((noinline)) static int worker_resume(frame_t* fp) {
  struct worker_frame* f = (struct worker_frame*)fp;
  switch (f->hdr.state) {
    case 0:
      break;
    case 1:
      goto L1;
    default:
      return DONE;
  }
  for (f->i = 0; f->i < f->n; f->i++) {
    rq_push(&f->hdr);
    f->hdr.state = 1;
    return PENDING;
  L1:;
  }
  f->hdr.state = 2;
  return DONE;
}

static double run(struct worker_frame* frames, long ntasks, long per) {
  for (long i = 0; i < ntasks; i++) {
    frames[i].hdr.resume = worker_resume;
    frames[i].hdr.state = 0;
    frames[i].n = per;
    rq_push(&frames[i].hdr);
  }
  jobs_left = ntasks;
  uint64_t t0 = bench_now_ns();
  uv_run(uv_default_loop(), UV_RUN_DEFAULT);
  uint64_t t1 = bench_now_ns();
  if (jobs_left != 0) abort();
  return (double)(t1 - t0) / ((double)ntasks * (double)per);
}

int main(int argc, char** argv) {
  long ntasks = bench_arg(argc, argv, 1, 1);
  long total = bench_arg(argc, argv, 2, 2000000);
  long per = total / ntasks;
  if (per < 1) per = 1;
  uv_loop_t* loop = uv_default_loop();
  struct worker_frame* frames = calloc((size_t)ntasks, sizeof *frames);
  if (!frames) abort();
  uv_idle_init(loop, &rq_idle);
  run(frames, ntasks, per / 10 + 1); /* warm up */
  bench_report("ns_per_op", run(frames, ntasks, per));
  uv_close((uv_handle_t*)&rq_idle, NULL);
  uv_run(loop, UV_RUN_DEFAULT);
  free(frames);
  return uv_loop_close(loop) == 0 ? 0 : 1;
}
