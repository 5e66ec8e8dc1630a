/* test_timer.c - asyncc_sleep and the runner's timer heap. */
#include "test_util.h"

/* async int cancel_after(asyncc_task_t* t, uint64_t ms, int* result,
 *                        int* status) {
 *   await(asyncc_sleep(ms));
 *   asyncc_task_cancel(t);
 *   *status = await(asyncc_task_join(t, result));
 *   return 0; }                                                        */
struct cancel_after_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  asyncc_task_t* t;
  uint64_t ms;
  int* result;
  int* status;
  asyncc_frame_t* asyncc__c;
};

static int cancel_after_resume(asyncc_frame_t* asyncc__fp) {
  struct cancel_after_frame* asyncc__f = (struct cancel_after_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
    case 2:
      goto asyncc__L2;
  }
  asyncc__f->asyncc__c = asyncc__asyncc_sleep_start(asyncc__f->ms);
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
  (void)asyncc__asyncc_sleep_take(asyncc__f->asyncc__c);
  asyncc_task_cancel(asyncc__f->t);
  asyncc__f->asyncc__c =
      asyncc__asyncc_task_join_start(asyncc__f->t, asyncc__f->result);
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 2);
  *asyncc__f->status = asyncc__asyncc_task_join_take(asyncc__f->asyncc__c);
  asyncc__f->asyncc__ret = 0;
  return ASYNCC_DONE;
}

static asyncc_frame_t* cancel_after_start(asyncc_task_t* t, uint64_t ms,
                                          int* result, int* status) {
  TEST_FRAME_NEW(struct cancel_after_frame, f, cancel_after_resume);
  f->t = t;
  f->ms = ms;
  f->result = result;
  f->status = status;
  return &f->hdr;
}

static int cancel_after_take(asyncc_frame_t* fp) {
  struct cancel_after_frame* f = (struct cancel_after_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static uint64_t ms_since(uint64_t t0) { return (uv_hrtime() - t0) / 1000000; }

static void test_timer_sleeps_complete_in_due_order(void** state) {
  static const int ms[3] = {30, 10, 20};
  asyncc_task_t* tasks[3];
  int results[3] = {-1, -1, -1};
  int statuses[3] = {-1, -1, -1};
  test_log_t log = {{0}, 0};
  uint64_t t0 = uv_hrtime();
  int i;
  (void)state;

  for (i = 0; i < 3; i++)
    tasks[i] =
        asyncc__spawn(sleeper_start(ms[i], ms[i], &log), sleeper_take_into);
  assert_int_equal(
      join_all_take(asyncc__run(join_all_start(tasks, 3, results, statuses))),
      0);
  assert_int_equal(log.n, 3);
  assert_int_equal(log.v[0], 10);
  assert_int_equal(log.v[1], 20);
  assert_int_equal(log.v[2], 30);
  for (i = 0; i < 3; i++) {
    assert_int_equal(results[i], 0);
    assert_int_equal(statuses[i], 0);
  }
  assert_true(ms_since(t0) >= 29);
  assert_true(ms_since(t0) < 2000);
  test_end_clean();
}

static void test_timer_sleep_lasts_at_least_ms(void** state) {
  uint64_t t0 = uv_hrtime();
  (void)state;
  assert_int_equal(sleeper_take(asyncc__run(sleeper_start(50, 0, NULL))), 0);
  assert_true(ms_since(t0) >= 49);
  test_end_clean();
}

static void test_timer_sleep_zero(void** state) {
  test_log_t log = {{0}, 0};
  (void)state;
  assert_int_equal(sleeper_take(asyncc__run(sleeper_start(0, 7, &log))), 0);
  assert_int_equal(log.n, 1);
  test_end_clean();
}

/* Sleeps due at the same time end in the order they started. */
static void test_timer_equal_due_fifo(void** state) {
  asyncc_task_t* tasks[8];
  int results[8];
  int statuses[8];
  test_log_t log = {{0}, 0};
  int i;
  (void)state;

  for (i = 0; i < 8; i++)
    tasks[i] = asyncc__spawn(sleeper_start(5, i, &log), sleeper_take_into);
  join_all_take(asyncc__run(join_all_start(tasks, 8, results, statuses)));
  assert_int_equal(log.n, 8);
  for (i = 0; i < 8; i++) assert_int_equal(log.v[i], i);
  test_end_clean();
}

/* Many timers through the heap: they end sorted by duration, ties in
 * start order. */
#define MANY 2000

static void test_timer_many_sorted(void** state) {
  static asyncc_task_t* tasks[MANY];
  static int results[MANY];
  static int statuses[MANY];
  static test_log_t log;
  int i;
  (void)state;

  log.n = 0;
  for (i = 0; i < MANY; i++)
    tasks[i] = asyncc__spawn(sleeper_start((uint64_t)(i * 7919 % 40), i, &log),
                             sleeper_take_into);
  join_all_take(asyncc__run(join_all_start(tasks, MANY, results, statuses)));
  assert_int_equal(log.n, MANY);
  for (i = 1; i < MANY; i++) {
    int a = log.v[i - 1] * 7919 % 40;
    int b = log.v[i] * 7919 % 40;
    /* Timers of one duration keep their start order; across durations
     * the order follows the due time, which was taken at each start (in
     * one loop turn, so equal for all). */
    assert_true(a < b || (a == b && log.v[i - 1] < log.v[i]));
  }
  for (i = 0; i < MANY; i++) assert_int_equal(statuses[i], 0);
  test_end_clean();
}

/* Cancelling a sleeping task removes its timer: the sleep returns
 * UV_ECANCELED at once, and the loop does not wait for the due time. */
static void test_timer_cancel_sleep(void** state) {
  asyncc_task_t* t;
  int result = 1;
  int status = 1;
  test_log_t log = {{0}, 0};
  uint64_t t0 = uv_hrtime();
  (void)state;

  t = asyncc__spawn(sleeper_start(10000, 1, &log), sleeper_take_into);
  cancel_after_take(asyncc__run(cancel_after_start(t, 10, &result, &status)));
  assert_int_equal(status, UV_ECANCELED);
  assert_int_equal(result, UV_ECANCELED);
  assert_int_equal(log.n, 1);
  assert_true(ms_since(t0) < 2000);
  test_end_clean();
}

/* Cancel half of many sleeping tasks; the others still end, in order. */
static void test_timer_cancel_some(void** state) {
  enum { N = 64 };
  asyncc_task_t* tasks[N];
  int results[N];
  int statuses[N];
  test_log_t log = {{0}, 0};
  int i;
  int done = 0;
  (void)state;

  for (i = 0; i < N; i++)
    tasks[i] = asyncc__spawn(sleeper_start((uint64_t)(5 + i % 7), i, &log),
                             sleeper_take_into);
  /* Cancelled before they start: their first await sees it. */
  for (i = 1; i < N; i += 2) assert_int_equal(asyncc_task_cancel(tasks[i]), 0);
  join_all_take(asyncc__run(join_all_start(tasks, N, results, statuses)));
  for (i = 0; i < N; i++) {
    if (i % 2) {
      assert_int_equal(statuses[i], UV_ECANCELED);
      assert_int_equal(results[i], UV_ECANCELED);
    } else {
      assert_int_equal(statuses[i], 0);
      assert_int_equal(results[i], 0);
      done++;
    }
  }
  assert_int_equal(log.n, N);
  test_end_clean();
  (void)done;
}

/* A sleep that would never end (UINT64_MAX ms) is cancelled cleanly. */
static void test_timer_sleep_forever_cancelled(void** state) {
  asyncc_task_t* t;
  int result = 1;
  int status = 1;
  (void)state;
  t = asyncc__spawn(sleeper_start(UINT64_MAX, 1, NULL), sleeper_take_into);
  cancel_after_take(asyncc__run(cancel_after_start(t, 1, &result, &status)));
  assert_int_equal(status, UV_ECANCELED);
  assert_int_equal(result, UV_ECANCELED);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_timer_sleeps_complete_in_due_order),
      cmocka_unit_test(test_timer_sleep_lasts_at_least_ms),
      cmocka_unit_test(test_timer_sleep_zero),
      cmocka_unit_test(test_timer_equal_due_fifo),
      cmocka_unit_test(test_timer_many_sorted),
      cmocka_unit_test(test_timer_cancel_sleep),
      cmocka_unit_test(test_timer_cancel_some),
      cmocka_unit_test(test_timer_sleep_forever_cancelled),
  };
  return cmocka_run_group_tests_name("timer", tests, NULL, NULL);
}
