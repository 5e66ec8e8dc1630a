/* test_work.c - asyncc_queue_work: results from the thread pool, misuse,
 * and cancellation of queued and running work. */
#include <pthread.h>
#include <stdatomic.h>

#include "test_util.h"

#define WORK(fn, arg)                      \
  (*take = asyncc__asyncc_queue_work_take, \
   asyncc__asyncc_queue_work_start(fn, arg))

typedef struct {
  long n;
  long sum;
  pthread_t thread;
  atomic_int ran;
} job_t;

static void sum_job(void* arg) {
  job_t* j = arg;
  long i;
  j->thread = pthread_self();
  for (i = 1; i <= j->n; i++) j->sum += i;
  atomic_store(&j->ran, 1);
}

static atomic_int started;

static void slow_job(void* arg) {
  job_t* j = arg;
  atomic_fetch_add(&started, 1);
  usleep(100 * 1000);
  atomic_store(&j->ran, 1);
}

typedef struct {
  job_t jobs[8];
  asyncc_task_t* t[8];
  int rc[8];
} ctx_t;

static asyncc_frame_t* sum_script(void* p, int step, int last,
                                  script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->jobs[0].n = 1000000;
      return WORK(sum_job, &c->jobs[0]);
    case 1:
      c->rc[0] = last;
      return WORK(NULL, NULL);
    default:
      c->rc[1] = last;
      return NULL;
  }
}

static void test_work_runs_on_pool(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(sum_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_true(c.jobs[0].sum == 1000000L * 1000001L / 2);
  assert_false(pthread_equal(c.jobs[0].thread, pthread_self()));
  assert_int_equal(c.rc[1], UV_EINVAL);
  test_end_clean();
}

/* Runs jobs[i] (slow) as its own task. */
static asyncc_frame_t* slow_script(void* p, int step, int last,
                                   script_take_fn* take) {
  job_t* j = p;
  if (step == 0) return WORK(slow_job, j);
  j->sum = last;
  return NULL;
}

/* Fill the pool (4 threads) with slow jobs, queue two more and cancel one
 * of those and one that runs: the queued one never runs; both report
 * UV_ECANCELED. */
static asyncc_frame_t* cancel_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  int i;
  int k;
  if (step == 0) {
    atomic_store(&started, 0);
    for (i = 0; i < 4; i++)
      c->t[i] = asyncc__spawn(script_start(slow_script, &c->jobs[i]),
                              script_take_into);
    c->rc[7] = 0; /* phase */
    return SCRIPT_YIELD();
  }
  if (c->rc[7] == 0) {
    /* Wait, a loop turn at a time, until the four occupy the pool. */
    if (atomic_load(&started) < 4) return SCRIPT_YIELD();
    c->rc[7] = 1;
    for (i = 4; i < 6; i++)
      c->t[i] = asyncc__spawn(script_start(slow_script, &c->jobs[i]),
                              script_take_into);
    return SCRIPT_YIELD(); /* t[4] and t[5] queue their work */
  }
  if (c->rc[7] == 1) {
    c->rc[7] = 2;
    c->rc[6] = step;             /* the joins start at this step */
    asyncc_task_cancel(c->t[5]); /* queued behind the others */
    asyncc_task_cancel(c->t[0]); /* running */
  }
  k = step - c->rc[6];
  if (k > 0) c->rc[k - 1] = last; /* the status of t[k - 1] */
  if (k < 6) return SCRIPT_JOIN(c->t[k], NULL);
  return NULL;
}

static void test_work_cancel(void** state) {
  static ctx_t c;
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(cancel_script, &c)));
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(c.jobs[0].sum, UV_ECANCELED);
  assert_int_equal(atomic_load(&c.jobs[0].ran), 1); /* it had started */
  for (i = 1; i < 5; i++) assert_int_equal(c.jobs[i].sum, 0);
  assert_int_equal(c.jobs[5].sum, UV_ECANCELED);
  assert_int_equal(atomic_load(&c.jobs[5].ran), 0); /* withdrawn */
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_work_runs_on_pool),
      cmocka_unit_test(test_work_cancel),
  };
  /* The cancel test fills the pool: make its size known (libuv reads it
   * once, at first use). */
  setenv("UV_THREADPOOL_SIZE", "4", 1);
  return cmocka_run_group_tests_name("work", tests, NULL, NULL);
}
