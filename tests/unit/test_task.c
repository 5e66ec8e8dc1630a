/* test_task.c - tasks: asyncc__spawn, join, detach, cancel, the task's
 * future, and how asyncc_run ends the tasks it drove.
 */
#include "test_util.h"

/* async int add_later(int a, int b) { await(asyncc_yield()); return a+b; } */
struct add_later_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  int a;
  int b;
  asyncc_frame_t* asyncc__c;
};

static int add_later_resume(asyncc_frame_t* asyncc__fp) {
  struct add_later_frame* asyncc__f = (struct add_later_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->asyncc__c = asyncc__asyncc_yield_start();
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
  (void)asyncc__asyncc_yield_take(asyncc__f->asyncc__c);
  asyncc__f->asyncc__ret = asyncc__f->a + asyncc__f->b;
  return ASYNCC_DONE;
}

static asyncc_frame_t* add_later_start(int a, int b) {
  TEST_FRAME_NEW(struct add_later_frame, f, add_later_resume);
  f->a = a;
  f->b = b;
  return &f->hdr;
}

static void add_later_take_into(asyncc_frame_t* fp, void* out) {
  struct add_later_frame* f = (struct add_later_frame*)fp;
  if (out != NULL) *(int*)out = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
}

/* The state each script records, checked after asyncc_run returns. */
typedef struct {
  asyncc_task_t* t[4];
  int r[8];
  int rc[8];
  test_log_t log;
} ctx_t;

/* ---- spawn and join ---------------------------------------------------- */

static asyncc_frame_t* join_result_script(void* p, int step, int last,
                                          script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[0] = asyncc__spawn(add_later_start(20, 22), add_later_take_into);
      c->rc[0] = asyncc_task_is_done(c->t[0]);
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    default:
      c->rc[1] = last;
      return NULL;
  }
}

static void test_task_spawn_join_result(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(join_result_script, &c)));
  assert_int_equal(c.rc[0], 0); /* not started before the spawner waits */
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.r[0], 42);
  test_end_clean();
}

/* The runtime's own async functions can be spawned too: asyncc_spawn
 * joins through their _take_into, which the transpiler declares (a link
 * error before they existed). */
void asyncc__asyncc_sleep_take_into(asyncc_frame_t*, void*);
void asyncc__asyncc_yield_take_into(asyncc_frame_t*, void*);

static asyncc_frame_t* spawn_runtime_script(void* p, int step, int last,
                                            script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->r[0] = c->r[1] = -1;
      c->t[0] = asyncc__spawn(asyncc__asyncc_sleep_start(1),
                              asyncc__asyncc_sleep_take_into);
      c->t[1] = asyncc__spawn(asyncc__asyncc_yield_start(),
                              asyncc__asyncc_yield_take_into);
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    case 1:
      c->rc[0] = last;
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    default:
      c->rc[1] = last;
      return NULL;
  }
}

static void test_task_spawn_runtime_async_functions(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(spawn_runtime_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.r[0], 0); /* asyncc_sleep's result */
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.r[1], 0);
  test_end_clean();
}

/* Joining a task that has ended does not suspend, and a NULL result_out
 * drops the result. */
static asyncc_frame_t* join_done_script(void* p, int step, int last,
                                        script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[0] = asyncc__spawn(add_later_start(1, 2), add_later_take_into);
      c->t[1] = asyncc__spawn(add_later_start(3, 4), add_later_take_into);
      return SCRIPT_SLEEP(20);
    case 1:
      c->rc[0] = asyncc_task_is_done(c->t[0]);
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    case 2:
      c->rc[1] = last;
      return SCRIPT_JOIN(c->t[1], NULL);
    default:
      c->rc[2] = last;
      return NULL;
  }
}

static void test_task_join_done_task(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(join_done_script, &c)));
  assert_int_equal(c.rc[0], 1);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.r[0], 3);
  assert_int_equal(c.rc[2], 0);
  test_end_clean();
}

/* ---- misuse ------------------------------------------------------------ */

/* Joins c->t[2] into c->r[2]; run as its own task. */
static asyncc_frame_t* joiner_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      return SCRIPT_JOIN(c->t[2], &c->r[2]);
    default:
      c->rc[7] = last;
      return NULL;
  }
}

static asyncc_frame_t* misuse_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      return SCRIPT_JOIN(NULL, NULL);
    case 1:
      c->rc[0] = last;
      /* Joining itself would never end. */
      return SCRIPT_JOIN(asyncc_task_current(), NULL);
    case 2:
      c->rc[1] = last;
      c->t[0] = asyncc__spawn(sleeper_start(5, 0, NULL), sleeper_take_into);
      c->t[1] = asyncc__spawn(yielder_start(0, 1, NULL), yielder_take_into);
      c->rc[2] = asyncc_task_detach(c->t[1]);
      c->rc[3] = asyncc_task_detach(c->t[1]); /* still running: caught */
      return SCRIPT_JOIN(c->t[1], NULL);      /* detached: not joinable */
    case 3:
      c->rc[4] = last;
      c->rc[5] = asyncc_task_detach(asyncc_task_current()); /* asyncc_run's */
      c->t[2] = asyncc__spawn(add_later_start(5, 6), add_later_take_into);
      c->t[3] = asyncc__spawn(script_start(joiner_script, c), script_take_into);
      return SCRIPT_YIELD(); /* the joiner claims t[2] */
    case 4:
      return SCRIPT_JOIN(c->t[2], NULL); /* joined already */
    case 5:
      c->rc[6] = last;
      return SCRIPT_JOIN(c->t[3], NULL);
    case 6:
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    default:
      c->r[1] = last;
      return NULL;
  }
}

static void test_task_join_detach_errors(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_task_cancel(NULL), UV_EINVAL);
  assert_int_equal(asyncc_task_detach(NULL), UV_EINVAL);
  assert_int_equal(asyncc_task_is_done(NULL), 0);
  assert_int_equal(asyncc_task_is_cancelled(NULL), 0);
  assert_null(asyncc_task_get_future(NULL));
  assert_null(asyncc_task_current());

  script_take(asyncc__run(script_start(misuse_script, &c)));
  assert_int_equal(c.rc[0], UV_EINVAL);
  assert_int_equal(c.rc[1], UV_EINVAL);
  assert_int_equal(c.rc[2], 0);
  assert_int_equal(c.rc[3], UV_EINVAL);
  assert_int_equal(c.rc[4], UV_EINVAL);
  assert_int_equal(c.rc[5], UV_EINVAL);
  assert_int_equal(c.rc[6], UV_EINVAL);
  assert_int_equal(c.rc[7], 0);
  assert_int_equal(c.r[2], 11);
  assert_int_equal(c.r[0], 0);
  assert_int_equal(c.r[1], 0);
  test_end_clean();
}

/* ---- detach ------------------------------------------------------------ */

static asyncc_frame_t* detach_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  (void)last;
  switch (step) {
    case 0:
      /* One detached while running, one after it ended. */
      c->t[0] = asyncc__spawn(sleeper_start(5, 1, &c->log), sleeper_take_into);
      c->t[1] = asyncc__spawn(yielder_start(2, 1, &c->log), yielder_take_into);
      c->rc[0] = asyncc_task_detach(c->t[0]);
      return SCRIPT_SLEEP(20);
    case 1:
      c->rc[1] = asyncc_task_is_done(c->t[1]);
      c->rc[2] = asyncc_task_detach(c->t[1]); /* frees it now */
      c->rc[3] = (int)asyncc__frame_live_count();
      return NULL;
    default:
      return NULL;
  }
}

static void test_task_detach(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(detach_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], 1);
  assert_int_equal(c.rc[2], 0);
  /* Alive at that point: the script's frame and asyncc_run's task. */
  assert_int_equal(c.rc[3], 2);
  assert_int_equal(c.log.n, 2);
  test_end_clean();
}

/* ---- cancel ------------------------------------------------------------ */

/* Cancelling a task blocked in a join cancels the joined task too, and
 * still waits for it: A joins B; B sleeps 10 s; cancel A. */
static asyncc_frame_t* inner_script(void* p, int step, int last,
                                    script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[1] =
          asyncc__spawn(sleeper_start(10000, 7, &c->log), sleeper_take_into);
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    default:
      c->rc[1] = last;
      return NULL;
  }
}

static asyncc_frame_t* cancel_join_script(void* p, int step, int last,
                                          script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[0] = asyncc__spawn(script_start(inner_script, c), script_take_into);
      return SCRIPT_SLEEP(10);
    case 1:
      c->rc[2] = asyncc_task_cancel(c->t[0]);
      c->rc[3] = asyncc_task_cancel(c->t[0]); /* twice is fine */
      c->rc[4] = asyncc_task_is_cancelled(c->t[0]);
      c->rc[5] = asyncc_task_is_cancelled(c->t[1]);
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    default:
      c->rc[0] = last;
      return NULL;
  }
}

static void test_task_cancel_propagates_through_join(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(cancel_join_script, &c)));
  assert_int_equal(c.rc[0], UV_ECANCELED); /* A was cancelled */
  assert_int_equal(c.r[0], UV_ECANCELED);  /* A's join returned that */
  assert_int_equal(c.rc[1], UV_ECANCELED); /* B's status, seen by A */
  assert_int_equal(c.r[1], UV_ECANCELED);  /* B's sleep was cut short */
  assert_int_equal(c.rc[2], 0);
  assert_int_equal(c.rc[3], 0);
  assert_int_equal(c.rc[4], 1);
  assert_int_equal(c.rc[5], 0); /* B not yet: A passes it on when woken */
  assert_int_equal(c.log.n, 1);
  assert_true((uv_hrtime() - t0) / 1000000 < 2000);
  test_end_clean();
}

/* A task that cancels itself sees UV_ECANCELED at its next await, and at
 * every await after that; cancelling an ended task does nothing. */
static asyncc_frame_t* self_cancel_script(void* p, int step, int last,
                                          script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      return SCRIPT_YIELD();
    case 1:
      c->rc[0] = last;
      asyncc_task_cancel(asyncc_task_current());
      return SCRIPT_YIELD();
    case 2:
      c->rc[1] = last;
      return SCRIPT_SLEEP(5);
    case 3:
      c->rc[2] = last;
      c->t[0] = asyncc__spawn(add_later_start(1, 1), add_later_take_into);
      return SCRIPT_JOIN(c->t[0], &c->r[0]); /* cancels t[0], waits */
    default:
      c->rc[3] = last;
      return NULL;
  }
}

static void test_task_self_cancel(void** state) {
  ctx_t c;
  asyncc_task_t* t;
  int result = -1;
  int status = -1;
  (void)state;
  memset(&c, 0, sizeof c);
  t = asyncc__spawn(script_start(self_cancel_script, &c), script_take_into);
  {
    asyncc_task_t* tasks[1] = {t};
    join_all_take(asyncc__run(join_all_start(tasks, 1, &result, &status)));
  }
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], UV_ECANCELED);
  assert_int_equal(c.rc[2], UV_ECANCELED);
  assert_int_equal(c.rc[3], UV_ECANCELED);
  /* add_later's own yield saw the cancellation; it still returned 2. */
  assert_int_equal(c.r[0], 2);
  assert_int_equal(status, UV_ECANCELED);
  assert_int_equal(result, UV_ECANCELED);
  test_end_clean();
}

/* ---- the task's future and the current task ---------------------------- */

static void on_task_done(asyncc_future_done_t* req, asyncc_future_t* fut) {
  ctx_t* c = req->data;
  test_log_push(&c->log, 100 + asyncc_future_get_status(fut));
  /* Detaching from inside the task's own completion is allowed. */
  c->rc[6] = asyncc_task_detach(c->t[1]);
}

static asyncc_frame_t* future_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  static asyncc_future_done_t req;
  (void)last;
  switch (step) {
    case 0:
      c->rc[0] = asyncc_task_current() != NULL;
      c->t[1] = asyncc__spawn(yielder_start(0, 2, NULL), yielder_take_into);
      /* The task's future is the runtime's: closing it would make its slot
       * of the pool look free (it was closed, and the task's end aborted:
       * "a task was freed with waiters"). */
      c->rc[4] = asyncc_future_close(asyncc_task_get_future(c->t[1]));
      req.data = c;
      c->rc[1] = asyncc_future_add_done_cb(asyncc_task_get_future(c->t[1]),
                                           &req, on_task_done);
      c->rc[2] = asyncc_future_is_done(asyncc_task_get_future(c->t[1]));
      return SCRIPT_SLEEP(10);
    default:
      return NULL;
  }
}

static void test_task_future_done_callback(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(future_script, &c)));
  assert_int_equal(c.rc[0], 1);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.rc[2], 0);
  assert_int_equal(c.rc[4], UV_EINVAL);
  assert_int_equal(c.log.n, 1);
  assert_int_equal(c.log.v[0], 100);
  assert_int_equal(c.rc[6], 0);
  test_end_clean();
}

/* ---- a task that outlives its spawner ---------------------------------- */

/* async asyncc_task_t* start_worker(void) — returns a running task. */
static asyncc_frame_t* spawner_script(void* p, int step, int last,
                                      script_take_fn* take) {
  ctx_t* c = p;
  (void)last;
  (void)take;
  switch (step) {
    case 0:
      c->t[1] = asyncc__spawn(sleeper_start(20, 5, &c->log), sleeper_take_into);
      return NULL; /* ends while its child still sleeps */
    default:
      return NULL;
  }
}

static asyncc_frame_t* outlive_script(void* p, int step, int last,
                                      script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[0] =
          asyncc__spawn(script_start(spawner_script, c), script_take_into);
      return SCRIPT_JOIN(c->t[0], NULL);
    case 1:
      c->rc[0] = last;
      c->rc[1] = asyncc_task_is_done(c->t[1]);
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    default:
      c->rc[2] = last;
      return NULL;
  }
}

static void test_task_outlives_spawner(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(outlive_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.rc[2], 0);
  assert_int_equal(c.r[1], 0);
  assert_int_equal(c.log.n, 1);
  test_end_clean();
}

/* ---- asyncc_run's end ---------------------------------------------------- */

/* Tasks still running when the root returns are cancelled and run to
 * their end; ended tasks nobody joined are freed. */
static asyncc_frame_t* leftover_script(void* p, int step, int last,
                                       script_take_fn* take) {
  ctx_t* c = p;
  (void)last;
  (void)take;
  switch (step) {
    case 0:
      c->t[0] =
          asyncc__spawn(sleeper_start(60000, 1, &c->log), sleeper_take_into);
      c->t[1] = asyncc__spawn(add_later_start(1, 1), add_later_take_into);
      c->t[2] =
          asyncc__spawn(sleeper_start(60000, 2, &c->log), sleeper_take_into);
      asyncc_task_detach(c->t[2]);
      return NULL;
    default:
      return NULL;
  }
}

static void test_task_run_ends_leftovers(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(leftover_script, &c)));
  assert_int_equal(c.log.n, 2); /* both sleepers ran their unwinding */
  assert_true((uv_hrtime() - t0) / 1000000 < 2000);
  test_end_clean();
}

/* The memory budget: a small fixed header per suspended task. A
 * task parked in asyncc_future_wait costs its task and its own frames:
 * 56 bytes and, for bench/park's task, a 40-byte frame (within 1.25x the
 * hand-written 64-byte frame and its malloc header). */
static void test_task_sizes(void** state) {
  (void)state;
  assert_true(sizeof(asyncc_task_t) <= 56);
  assert_true(sizeof(asyncc__timer_leaf_t) <= 64); /* an asyncc_sleep frame */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_task_sizes),
      cmocka_unit_test(test_task_spawn_join_result),
      cmocka_unit_test(test_task_join_done_task),
      cmocka_unit_test(test_task_spawn_runtime_async_functions),
      cmocka_unit_test(test_task_join_detach_errors),
      cmocka_unit_test(test_task_detach),
      cmocka_unit_test(test_task_cancel_propagates_through_join),
      cmocka_unit_test(test_task_self_cancel),
      cmocka_unit_test(test_task_future_done_callback),
      cmocka_unit_test(test_task_outlives_spawner),
      cmocka_unit_test(test_task_run_ends_leftovers),
  };
  return cmocka_run_group_tests_name("task", tests, NULL, NULL);
}
