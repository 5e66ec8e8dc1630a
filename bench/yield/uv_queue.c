/* bench/yield/uv_queue.c - measurement 2, the hand-written baseline: a
 * libuv ready queue of callbacks.
 *
 * What a careful libuv programmer writes to let many jobs take turns: an
 * intrusive FIFO of jobs drained from a uv_idle_t that is active only while
 * the queue is non-empty (an active idle handle makes the loop poll with a
 * zero timeout). Each drain takes the jobs queued before it started; a job
 * that "yields" re-queues itself and so runs again on the next loop turn,
 * which is exactly what await(asyncc_yield()) means.
 *
 *   uv_queue NTASKS SWITCHES      ns per switch (SWITCHES in total)
 */
#include <uv.h>

#include "bench.h"

typedef struct job_s job_t;
struct job_s {
  job_t* next;         /* ready-queue link */
  void (*cb)(job_t*);  /* what to run on its turn */
  long left;           /* turns still to take */
};

static job_t* rq_head;             /* ready queue, FIFO */
static job_t** rq_tail = &rq_head; /* &last->next, or &rq_head when empty */
static uv_idle_t rq_idle;
static int rq_active;  /* rq_idle started */
static long jobs_left; /* jobs not finished */

static void rq_drain(uv_idle_t* idle) {
  job_t* j = rq_head;
  rq_head = NULL;
  rq_tail = &rq_head;
  while (j != NULL) {
    job_t* next = j->next; /* j->cb may queue j again */
    j->cb(j);
    j = next;
  }
  if (rq_head == NULL) {
    uv_idle_stop(idle);
    rq_active = 0;
  }
}

static void rq_push(job_t* j) {
  j->next = NULL;
  *rq_tail = j;
  rq_tail = &j->next;
  if (!rq_active) {
    uv_idle_start(&rq_idle, rq_drain);
    rq_active = 1;
  }
}

static void job_step(job_t* j) {
  if (--j->left > 0)
    rq_push(j);
  else
    jobs_left--;
}

static double run(uv_loop_t* loop, job_t* jobs, long ntasks, long per) {
  for (long i = 0; i < ntasks; i++) {
    jobs[i].cb = job_step;
    jobs[i].left = per;
    rq_push(&jobs[i]);
  }
  jobs_left = ntasks;
  uint64_t t0 = bench_now_ns();
  uv_run(loop, UV_RUN_DEFAULT);
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
  job_t* jobs = calloc((size_t)ntasks, sizeof *jobs);
  if (!jobs) abort();
  uv_idle_init(loop, &rq_idle);
  run(loop, jobs, ntasks, per / 10 + 1); /* warm up */
  bench_report("ns_per_op", run(loop, jobs, ntasks, per));
  uv_close((uv_handle_t*)&rq_idle, NULL);
  uv_run(loop, UV_RUN_DEFAULT);
  free(jobs);
  return uv_loop_close(loop) == 0 ? 0 : 1;
}
