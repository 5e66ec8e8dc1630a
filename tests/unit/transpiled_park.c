/* transpiled_park.c - awaits of asyncc_future_wait as asyncc compiles them
 * (ASYNCC__AWAIT_PARK: the task waits itself, with no frame for the wait),
 * in async C that the real asyncc transpiles when the test is built.
 *
 * Results of waits that share an expression stay apart; parked tasks get
 * their future's status, in the order they parked; cancelled ones get
 * UV_ECANCELED and leave the future closable; nothing is left allocated.
 */
#include <asyncc.h>

#include "test_util.h"

/* ---- two waits in one expression --------------------------------------- */

static async int two_waits(asyncc_future_t* a, asyncc_future_t* b) {
  return await(asyncc_future_wait(a)) * 10000 + await(asyncc_future_wait(b));
}

static async int resolve_later(asyncc_future_t* a, asyncc_future_t* b) {
  await(asyncc_yield());
  asyncc_future_reject(b, UV_EOF); /* b first: a's wait is the one parked */
  await(asyncc_yield());
  asyncc_future_reject(a, UV_EPIPE);
  return 0;
}

static async int expression_main(void) {
  asyncc_future_t a, b;
  int v, rc;
  asyncc_future_init(&a);
  asyncc_future_init(&b);
  asyncc_task_t* t = asyncc_spawn(resolve_later(&a, &b));
  v = await(two_waits(&a, &b));
  rc = await(asyncc_task_join(t, NULL));
  asyncc_future_close(&a);
  asyncc_future_close(&b);
  return rc == 0 ? v : rc;
}

static void test_park_results_in_one_expression(void** state) {
  (void)state;
  assert_int_equal(asyncc_run(expression_main()), UV_EPIPE * 10000 + UV_EOF);
  test_end_clean();
}

/* ---- many parked tasks, some cancelled --------------------------------- */

enum { NTASKS = 3000 };

static int order[NTASKS];
static int norder;

static async int parked(asyncc_future_t* fut, int id) {
  int rc = await(asyncc_future_wait(fut));
  if (rc == 0) order[norder++] = id;
  return rc;
}

static async int many_main(void) {
  static asyncc_task_t* tasks[NTASKS];
  asyncc_future_t fut;
  int ok = 0, cancelled = 0;
  asyncc_future_init(&fut);
  for (int i = 0; i < NTASKS; i++) tasks[i] = asyncc_spawn(parked(&fut, i));
  await(asyncc_yield()); /* every task runs into its wait */
  for (int i = 0; i < NTASKS; i += 3) asyncc_task_cancel(tasks[i]);
  asyncc_future_resolve(&fut, NULL);
  for (int i = 0; i < NTASKS; i++) {
    int r = -1;
    int st = await(asyncc_task_join(tasks[i], &r));
    if (i % 3 == 0 && st == UV_ECANCELED && r == UV_ECANCELED) cancelled++;
    if (i % 3 != 0 && st == 0 && r == 0) ok++;
  }
  return asyncc_future_close(&fut) == 0 ? ok * 10000 + cancelled : -1;
}

static void test_park_many_tasks_some_cancelled(void** state) {
  int i, k;
  (void)state;
  norder = 0;
  assert_int_equal(asyncc_run(many_main()),
                   (NTASKS - NTASKS / 3) * 10000 + NTASKS / 3);
  /* woken in the order they parked */
  assert_int_equal(norder, NTASKS - NTASKS / 3);
  for (i = 0, k = 0; i < NTASKS; i++)
    if (i % 3 != 0) assert_int_equal(order[k++], i);
  test_end_clean();
}

/* ---- a task left parked when asyncc_run ends --------------------------- */

static asyncc_future_t never;
static int left_rc;

static async int left_parked(void) {
  left_rc = await(asyncc_future_wait(&never));
  return 0;
}

static async int leaving_main(void) {
  asyncc_task_detach(asyncc_spawn(left_parked()));
  await(asyncc_yield());
  return 7;
}

static void test_park_left_parked_at_the_end_of_run(void** state) {
  (void)state;
  left_rc = 1;
  asyncc_future_init(&never);
  assert_int_equal(asyncc_run(leaving_main()), 7);
  assert_int_equal(left_rc, UV_ECANCELED);
  assert_int_equal(asyncc_future_close(&never), 0);
  test_end_clean();
}

/* ---- a task's own future stays pending while it runs -------------------- */

static async int park_then_yield(asyncc_future_t* fut) {
  int rc = await(asyncc_future_wait(fut));
  await(asyncc_yield()); /* suspended again: not done */
  await(asyncc_yield());
  return rc;
}

static async int pending_main(void) {
  asyncc_future_t fut;
  int seen, r = -1;
  asyncc_future_init(&fut);
  asyncc_task_t* t = asyncc_spawn(park_then_yield(&fut));
  await(asyncc_yield()); /* t parks */
  asyncc_future_resolve(&fut, NULL);
  await(asyncc_yield()); /* t takes the result and yields */
  seen = asyncc_task_get_future(t)->status;
  await(asyncc_task_join(t, &r));
  asyncc_future_close(&fut);
  return r == 0 ? seen : -1;
}

/* The task's future's status reads UV_EAGAIN until the task ends (the
 * header documents the field as read-only for callers): a parked wait's
 * result is not kept there. */
static void test_park_task_future_pending_after_a_park(void** state) {
  (void)state;
  assert_int_equal(asyncc_run(pending_main()), UV_EAGAIN);
  test_end_clean();
}

/* ---- many tasks left parked on one future ------------------------------ */

/* asyncc_run's end cancels them in the order of its pool, newest chunk
 * first: each taken off the future's list alone walked the list (80,000
 * tasks took 15 s; 300,000 would take minutes, past the test's ctest
 * timeout, where the linear walk takes well under a second even under
 * ASan: no clock is read here). The done callback registered among them
 * stays. */
enum { NLEFT = 300000 };

static long left_cancelled;
static int left_cb_ran;

static async int left_many(asyncc_future_t* fut) {
  if (await(asyncc_future_wait(fut)) == UV_ECANCELED) left_cancelled++;
  return 0;
}

static void left_cb(asyncc_future_done_t* req, asyncc_future_t* fut) {
  (void)req;
  (void)fut;
  left_cb_ran++;
}

static async int leaving_many_main(asyncc_future_t* fut,
                                   asyncc_future_done_t* req) {
  for (int i = 0; i < NLEFT; i++) {
    if (i == NLEFT / 2) asyncc_future_add_done_cb(fut, req, left_cb);
    asyncc_task_detach(asyncc_spawn(left_many(fut)));
  }
  await(asyncc_yield());
  return 0;
}

static void test_park_many_left_parked_cancelled_in_linear_time(void** state) {
  asyncc_future_t fut;
  asyncc_future_done_t req;
  (void)state;
  left_cancelled = 0;
  left_cb_ran = 0;
  asyncc_future_init(&fut);
  assert_int_equal(asyncc_run(leaving_many_main(&fut, &req)), 0);
  assert_int_equal(left_cancelled, NLEFT);
  assert_int_equal(left_cb_ran, 0);
  assert_int_equal(asyncc_future_close(&fut), UV_EBUSY); /* the callback */
  assert_int_equal(asyncc_future_resolve(&fut, NULL), 0);
  assert_int_equal(left_cb_ran, 1);
  assert_int_equal(asyncc_future_close(&fut), 0);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_park_results_in_one_expression),
      cmocka_unit_test(test_park_many_tasks_some_cancelled),
      cmocka_unit_test(test_park_left_parked_at_the_end_of_run),
      cmocka_unit_test(test_park_task_future_pending_after_a_park),
      cmocka_unit_test(test_park_many_left_parked_cancelled_in_linear_time),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
