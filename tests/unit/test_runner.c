/* test_runner.c - the runner: asyncc__run, the ready queue, the implicit
 * and explicit runners, deep chains, deadlock and misuse.
 */
#include <pthread.h>

#include "test_util.h"

/* ---- async int add_later(int a, int b) {
 *        await(asyncc_yield()); return a + b; }                          */

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

static int add_later_take(asyncc_frame_t* fp) {
  struct add_later_frame* f = (struct add_later_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

/* ---- async int sum_main(int n) {
 *        int s = 0;
 *        for (int i = 0; i < n; i++) s += await(add_later(i, 1));
 *        return s; }                                                     */

struct sum_main_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  int n;
  int s;
  int i;
  asyncc_frame_t* asyncc__c;
};

static int sum_main_resume(asyncc_frame_t* asyncc__fp) {
  struct sum_main_frame* asyncc__f = (struct sum_main_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->s = 0;
  for (asyncc__f->i = 0; asyncc__f->i < asyncc__f->n; asyncc__f->i++) {
    asyncc__f->asyncc__c = add_later_start(asyncc__f->i, 1);
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    asyncc__f->s += add_later_take(asyncc__f->asyncc__c);
  }
  asyncc__f->asyncc__ret = asyncc__f->s;
  return ASYNCC_DONE;
}

static asyncc_frame_t* sum_main_start(int n) {
  TEST_FRAME_NEW(struct sum_main_frame, f, sum_main_resume);
  f->n = n;
  return &f->hdr;
}

static int sum_main_take(asyncc_frame_t* fp) {
  struct sum_main_frame* f = (struct sum_main_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static void test_runner_run_returns_result(void** state) {
  (void)state;
  /* return asyncc_run(sum_main(10)); */
  assert_int_equal(sum_main_take(asyncc__run(sum_main_start(10))), 55);
  assert_null(asyncc_runner_current()); /* the implicit runner is gone */
  test_end_clean();
}

static void test_runner_run_twice_on_default_loop(void** state) {
  (void)state;
  assert_int_equal(sum_main_take(asyncc__run(sum_main_start(3))), 6);
  assert_int_equal(sum_main_take(asyncc__run(sum_main_start(4))), 10);
  test_end_clean();
}

/* asyncc_run returns once its root is done, though a handle of the
 * program's own (a repeating timer) keeps the loop alive; and it leaves no
 * stop request behind: a later uv_run on the loop runs as usual. */
static void count_tick(uv_timer_t* timer) {
  int* ticks = timer->data;
  if (++*ticks == 3) uv_timer_stop(timer);
}

static void test_runner_run_returns_with_other_handles_alive(void** state) {
  uv_timer_t timer;
  int ticks = 0;
  (void)state;
  uv_timer_init(uv_default_loop(), &timer);
  timer.data = &ticks;
  uv_timer_start(&timer, count_tick, 1, 1);
  assert_int_equal(sum_main_take(asyncc__run(sum_main_start(10))), 55);
  assert_true(uv_is_active((uv_handle_t*)&timer));
  uv_run(uv_default_loop(), UV_RUN_DEFAULT); /* until the timer stops */
  assert_int_equal(ticks, 3);
  uv_close((uv_handle_t*)&timer, NULL);
  uv_run(uv_default_loop(), UV_RUN_DEFAULT);
  test_end_clean();
}

/* ---- async int twice(int x) { return 2 * x; }   (never suspends)
 *      async int sync_main(int n) {
 *        int s = 0; for (...) s += await(twice(i)); return s; }
 * counting how often sync_main is resumed.                               */

static int sync_main_resumes;

struct twice_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  int x;
};

static int twice_resume(asyncc_frame_t* asyncc__fp) {
  struct twice_frame* asyncc__f = (struct twice_frame*)asyncc__fp;
  asyncc__f->asyncc__ret = 2 * asyncc__f->x;
  return ASYNCC_DONE;
}

static asyncc_frame_t* twice_start(int x) {
  TEST_FRAME_NEW(struct twice_frame, f, twice_resume);
  f->x = x;
  return &f->hdr;
}

static int twice_take(asyncc_frame_t* fp) {
  struct twice_frame* f = (struct twice_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

struct sync_main_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  int n;
  int s;
  int i;
  asyncc_frame_t* asyncc__c;
};

static int sync_main_resume(asyncc_frame_t* asyncc__fp) {
  struct sync_main_frame* asyncc__f = (struct sync_main_frame*)asyncc__fp;
  sync_main_resumes++;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->s = 0;
  for (asyncc__f->i = 0; asyncc__f->i < asyncc__f->n; asyncc__f->i++) {
    asyncc__f->asyncc__c = twice_start(asyncc__f->i);
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    asyncc__f->s += twice_take(asyncc__f->asyncc__c);
  }
  asyncc__f->asyncc__ret = asyncc__f->s;
  return ASYNCC_DONE;
}

static asyncc_frame_t* sync_main_start(int n) {
  TEST_FRAME_NEW(struct sync_main_frame, f, sync_main_resume);
  f->n = n;
  return &f->hdr;
}

static int sync_main_take(asyncc_frame_t* fp) {
  struct sync_main_frame* f = (struct sync_main_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static void test_runner_sync_await_does_not_suspend(void** state) {
  (void)state;
  sync_main_resumes = 0;
  assert_int_equal(sync_main_take(asyncc__run(sync_main_start(1000))),
                   2 * (999 * 1000 / 2));
  /* Resumed once: no await went through the loop. */
  assert_int_equal(sync_main_resumes, 1);
  test_end_clean();
}

/* ---- async int deep(int n) {
 *        await(asyncc_yield());
 *        if (n == 0) return 0;
 *        return await(deep(n - 1)) + 1; }
 * Each level yields before starting the next, so building the chain does
 * not nest C calls either; completing it goes through the trampoline.   */

struct deep_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  int n;
  int sleep; /* await asyncc_sleep(0), woken by a timer, not a yield */
  asyncc_frame_t* asyncc__c;
};

static int deep_resume(asyncc_frame_t* asyncc__fp);

static asyncc_frame_t* deep_start_with(int n, int sleep) {
  TEST_FRAME_NEW(struct deep_frame, f, deep_resume);
  f->n = n;
  f->sleep = sleep;
  return &f->hdr;
}

static asyncc_frame_t* deep_start(int n) { return deep_start_with(n, 0); }

static int deep_take(asyncc_frame_t* fp) {
  struct deep_frame* f = (struct deep_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static int deep_resume(asyncc_frame_t* asyncc__fp) {
  struct deep_frame* asyncc__f = (struct deep_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
    case 2:
      goto asyncc__L2;
  }
  asyncc__f->asyncc__c = asyncc__f->sleep ? asyncc__asyncc_sleep_start(0)
                                          : asyncc__asyncc_yield_start();
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
  if (asyncc__f->sleep)
    (void)asyncc__asyncc_sleep_take(asyncc__f->asyncc__c);
  else
    (void)asyncc__asyncc_yield_take(asyncc__f->asyncc__c);
  if (asyncc__f->n == 0) {
    asyncc__f->asyncc__ret = 0;
    return ASYNCC_DONE;
  }
  asyncc__f->asyncc__c = deep_start_with(asyncc__f->n - 1, asyncc__f->sleep);
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 2);
  asyncc__f->asyncc__ret = deep_take(asyncc__f->asyncc__c) + 1;
  return ASYNCC_DONE;
}

#define DEEP_N 100000

static void* deep_thread(void* arg) {
  uv_loop_t loop;
  asyncc_runner_t runner;
  int* result = arg;

  if (uv_loop_init(&loop) != 0) return NULL;
  if (asyncc_runner_init(&runner, &loop) != 0) return NULL;
  *result = deep_take(asyncc__run(deep_start(DEEP_N)));
  if (asyncc_runner_close(&runner) != 0) *result = -1;
  if (uv_loop_close(&loop) != 0) *result = -2;
  return NULL;
}

static void test_runner_deep_chain_small_stack(void** state) {
  pthread_attr_t attr;
  pthread_t th;
  int result = -100;
  (void)state;

  /* 100,000 nested frames on a 256 KiB stack: a recursive resume of the
   * parents would need several megabytes. */
  assert_int_equal(pthread_attr_init(&attr), 0);
  assert_int_equal(pthread_attr_setstacksize(&attr, 256 * 1024), 0);
  assert_int_equal(pthread_create(&th, &attr, deep_thread, &result), 0);
  assert_int_equal(pthread_join(th, NULL), 0);
  pthread_attr_destroy(&attr);
  assert_int_equal(result, DEEP_N);
  assert_int_equal(asyncc__frame_live_count(), 0);
}

/* A leaf woken by a callback (a timer) finds its task in one step, not by
 * walking up its chain: 100,000 nested frames, each woken once, take
 * milliseconds (walking up took seconds: quadratic in the depth). */
static void test_runner_deep_chain_wakes_in_constant_time(void** state) {
  uint64_t t0 = uv_hrtime();
  (void)state;
  assert_int_equal(deep_take(asyncc__run(deep_start_with(100000, 1))), 100000);
  assert_true((uv_hrtime() - t0) / 1000000 < 2000);
  test_end_clean();
}

/* ---- Explicit runners ------------------------------------------------- */

static void test_runner_init_close_errors(void** state) {
  uv_loop_t loop;
  asyncc_runner_t runner;
  asyncc_runner_t other;
  (void)state;

  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(asyncc_runner_init(NULL, &loop), UV_EINVAL);
  assert_int_equal(asyncc_runner_init(&runner, NULL), UV_EINVAL);
  assert_null(asyncc_runner_current());
  assert_ptr_equal(asyncc_loop(), uv_default_loop());

  runner.data = &other;
  assert_int_equal(asyncc_runner_init(&runner, &loop), 0);
  assert_ptr_equal(runner.data, &other); /* init keeps 'data' */
  assert_ptr_equal(asyncc_runner_current(), &runner);
  assert_ptr_equal(asyncc_runner_get_loop(&runner), &loop);
  assert_null(asyncc_runner_get_loop(NULL));
  assert_ptr_equal(asyncc_loop(), &loop);
  assert_int_equal(asyncc_runner_init(&other, &loop), UV_EBUSY);
  assert_int_equal(asyncc_runner_close(NULL), UV_EINVAL);
  assert_int_equal(asyncc_runner_close(&other), UV_EINVAL);

  assert_int_equal(sum_main_take(asyncc__run(sum_main_start(5))), 15);
  /* An explicit runner stays after asyncc_run, and can run again. */
  assert_ptr_equal(asyncc_runner_current(), &runner);
  assert_int_equal(sum_main_take(asyncc__run(sum_main_start(2))), 3);
  assert_int_equal(asyncc_runner_close(&runner), 0);
  assert_null(asyncc_runner_current());
  assert_int_equal(uv_loop_close(&loop), 0);
  test_end_clean();
}

static void add_later_take_into(asyncc_frame_t* fp, void* out) {
  int r = add_later_take(fp);
  if (out != NULL) *(int*)out = r;
}

/* A task spawned before asyncc_run keeps the runner busy until a run
 * drives it; the run ends it and frees it (nobody joined it). */
static void test_runner_close_busy_with_tasks(void** state) {
  uv_loop_t loop;
  asyncc_runner_t runner;
  asyncc_frame_t* root;
  asyncc_task_t* t;
  (void)state;

  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(asyncc_runner_init(&runner, &loop), 0);
  root = add_later_start(20, 22);
  assert_null(asyncc__spawn(root, NULL)); /* take_into is required */
  assert_null(asyncc__spawn(NULL, add_later_take_into));
  add_later_take(root);

  t = asyncc__spawn(add_later_start(20, 22), add_later_take_into);
  assert_non_null(t);
  assert_int_equal(asyncc_runner_close(&runner), UV_EBUSY);
  assert_int_equal(sum_main_take(asyncc__run(sum_main_start(1))), 1);
  assert_int_equal(asyncc_runner_close(&runner), 0);
  assert_int_equal(uv_loop_close(&loop), 0);
  test_end_clean();
}

/* ---- Fatal conditions ------------------------------------------------- */

/* async int wait_forever(void) { asyncc_future_t f; init; return
 * await(asyncc_future_wait(&f)); }  -- nothing ever resolves f.          */

struct forever_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  asyncc_future_t fut;
  asyncc_frame_t* asyncc__c;
};

static int forever_resume(asyncc_frame_t* asyncc__fp) {
  struct forever_frame* asyncc__f = (struct forever_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc_future_init(&asyncc__f->fut);
  asyncc__f->asyncc__c = asyncc__asyncc_future_wait_start(&asyncc__f->fut);
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
  asyncc__f->asyncc__ret =
      asyncc__asyncc_future_wait_take(asyncc__f->asyncc__c);
  return ASYNCC_DONE;
}

static asyncc_frame_t* forever_start(void) {
  TEST_FRAME_NEW(struct forever_frame, f, forever_resume);
  return &f->hdr;
}

static void deadlock_child(void* arg) {
  (void)arg;
  asyncc__run(forever_start());
}

static void test_runner_deadlock_aborts(void** state) {
  char err[1024];
  int status;
  (void)state;
  status = test_run_in_child(deadlock_child, NULL, err, sizeof err);
  assert_true(WIFSIGNALED(status));
  assert_int_equal(WTERMSIG(status), SIGABRT);
  assert_non_null(strstr(err, "asyncc_run: deadlock: 1 task(s)"));
}

/* async int nested(void) { return asyncc_run(twice(1)); } -- misuse. */

static int nested_resume(asyncc_frame_t* fp) {
  (void)twice_take(asyncc__run(twice_start(1)));
  (void)fp;
  return ASYNCC_DONE;
}

static void nested_child(void* arg) {
  (void)arg;
  TEST_FRAME_NEW(struct twice_frame, f, nested_resume);
  asyncc__run(&f->hdr);
}

static void test_runner_nested_run_aborts(void** state) {
  char err[1024];
  int status;
  (void)state;
  status = test_run_in_child(nested_child, NULL, err, sizeof err);
  assert_true(WIFSIGNALED(status));
  assert_int_equal(WTERMSIG(status), SIGABRT);
  assert_non_null(strstr(err, "asyncc_run: called while"));
}

/* Resuming a frame by hand, outside any task, then awaiting a runtime
 * function: the leaf reports it instead of crashing. */
static void no_task_child(void* arg) {
  asyncc_frame_t* f = add_later_start(1, 2);
  (void)arg;
  f->resume(f);
}

static void test_runner_await_outside_task_aborts(void** state) {
  char err[1024];
  int status;
  (void)state;
  status = test_run_in_child(no_task_child, NULL, err, sizeof err);
  assert_true(WIFSIGNALED(status));
  assert_non_null(strstr(err, "asyncc_yield was awaited outside a task"));
}

/* The implicit runner (default loop) belongs to one thread at a time. */
static void* claim_default(void* arg) {
  asyncc_runner_t* r;
  (void)arg;
  r = asyncc__runner_get();
  return r;
}

static void default_taken_child(void* arg) {
  pthread_t th;
  (void)arg;
  asyncc__runner_get(); /* main thread takes it */
  pthread_create(&th, NULL, claim_default, NULL);
  pthread_join(th, NULL);
}

static void test_runner_default_loop_one_thread(void** state) {
  char err[1024];
  int status;
  (void)state;
  status = test_run_in_child(default_taken_child, NULL, err, sizeof err);
  assert_true(WIFSIGNALED(status));
  assert_non_null(strstr(err, "in use by another thread"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_runner_run_returns_result),
      cmocka_unit_test(test_runner_run_twice_on_default_loop),
      cmocka_unit_test(test_runner_run_returns_with_other_handles_alive),
      cmocka_unit_test(test_runner_sync_await_does_not_suspend),
      cmocka_unit_test(test_runner_deep_chain_small_stack),
      cmocka_unit_test(test_runner_deep_chain_wakes_in_constant_time),
      cmocka_unit_test(test_runner_init_close_errors),
      cmocka_unit_test(test_runner_close_busy_with_tasks),
      cmocka_unit_test(test_runner_deadlock_aborts),
      cmocka_unit_test(test_runner_nested_run_aborts),
      cmocka_unit_test(test_runner_await_outside_task_aborts),
      cmocka_unit_test(test_runner_default_loop_one_thread),
  };
  return cmocka_run_group_tests_name("runner", tests, NULL, NULL);
}
