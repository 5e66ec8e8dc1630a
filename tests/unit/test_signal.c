/* test_signal.c - asyncc_signal_wait: a real signal ends the wait, a
 * cancelled wait releases its uv_signal_t, bad signal numbers fail. */
#include "test_util.h"

/* runtime/signal.c's ABI (internal.h belongs to the other runtime files). */
asyncc_frame_t* asyncc__asyncc_signal_wait_start(int signum);
int asyncc__asyncc_signal_wait_take(asyncc_frame_t* frame);

#define SCRIPT_SIGNAL(signum)               \
  (*take = asyncc__asyncc_signal_wait_take, \
   asyncc__asyncc_signal_wait_start(signum))

typedef struct {
  int signum;
  int wait_rc;  /* what the waiter's await returned */
  int join_rc;  /* what joining the waiter returned */
  int raise_rc; /* what raise() returned */
  asyncc_task_t* t;
  long handles_before; /* the runtime's live-handle count before the wait */
  long handles_during; /* ... and while it is pending */
} ctx_t;

/* async int waiter(ctx_t* c) { c->wait_rc = await(asyncc_signal_wait(..)); } */
static asyncc_frame_t* waiter_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) return SCRIPT_SIGNAL(c->signum);
  c->wait_rc = last;
  return NULL;
}

/* Starts the waiter, lets it install its handler, raises the signal, joins. */
static asyncc_frame_t* raise_script(void* p, int step, int last,
                                    script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0: /* a first turn, so the runner's own handles exist */
      return SCRIPT_YIELD();
    case 1:
      c->handles_before = asyncc__handle_live_count();
      c->t = asyncc__spawn(script_start(waiter_script, c), script_take_into);
      return SCRIPT_YIELD();
    case 2:
      c->handles_during = asyncc__handle_live_count();
      c->raise_rc = raise(c->signum);
      return SCRIPT_JOIN(c->t, NULL);
    default:
      c->join_rc = last;
      return NULL;
  }
}

static void test_signal_wait_returns_on_delivery(void** state) {
  ctx_t c = {SIGUSR1, -1, -1, -1, NULL, 0, 0};
  (void)state;
  script_take(asyncc__run(script_start(raise_script, &c)));
  /* the pending wait's uv_signal_t is counted as a live handle */
  assert_int_equal(c.handles_during - c.handles_before, 1);
  assert_int_equal(c.raise_rc, 0);
  assert_int_equal(c.wait_rc, 0);
  assert_int_equal(c.join_rc, 0);
  test_end_clean(); /* the uv_signal_t is closed */
}

/* Two waits on the same signal: one delivery ends both. */
static asyncc_frame_t* two_waiters_script(void* p, int step, int last,
                                          script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c[1].t =
          asyncc__spawn(script_start(waiter_script, &c[1]), script_take_into);
      c[0].t =
          asyncc__spawn(script_start(waiter_script, &c[0]), script_take_into);
      return SCRIPT_YIELD();
    case 1:
      c[0].raise_rc = raise(c[0].signum);
      return SCRIPT_JOIN(c[0].t, NULL);
    case 2:
      c[0].join_rc = last;
      return SCRIPT_JOIN(c[1].t, NULL);
    default:
      c[1].join_rc = last;
      return NULL;
  }
}

static void test_signal_one_delivery_ends_every_wait(void** state) {
  ctx_t c[2] = {{SIGUSR2, -1, -1, -1, NULL, 0, 0},
                {SIGUSR2, -1, -1, -1, NULL, 0, 0}};
  (void)state;
  script_take(asyncc__run(script_start(two_waiters_script, c)));
  assert_int_equal(c[0].raise_rc, 0);
  assert_int_equal(c[0].wait_rc, 0);
  assert_int_equal(c[1].wait_rc, 0);
  assert_int_equal(c[0].join_rc, 0);
  assert_int_equal(c[1].join_rc, 0);
  test_end_clean();
}

/* Cancels a pending wait: it reports UV_ECANCELED and closes its handle
 * (test_end_clean fails on an open handle). */
static asyncc_frame_t* cancel_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t = asyncc__spawn(script_start(waiter_script, c), script_take_into);
      return SCRIPT_SLEEP(20);
    case 1:
      asyncc_task_cancel(c->t);
      return SCRIPT_JOIN(c->t, NULL);
    default:
      c->join_rc = last;
      return NULL;
  }
}

static void test_signal_cancel_releases_handle(void** state) {
  ctx_t c = {SIGUSR1, -1, -1, -1, NULL, 0, 0};
  uint64_t t0 = uv_hrtime();
  (void)state;
  script_take(asyncc__run(script_start(cancel_script, &c)));
  assert_int_equal(c.wait_rc, UV_ECANCELED);
  assert_int_equal(c.join_rc, UV_ECANCELED);
  assert_true((uv_hrtime() - t0) / 1000000 < 5000);
  test_end_clean();
}

/* A task cancelled before its wait starts never opens a handle. */
static asyncc_frame_t* cancel_first_script(void* p, int step, int last,
                                           script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t = asyncc__spawn(script_start(waiter_script, c), script_take_into);
      asyncc_task_cancel(c->t);
      return SCRIPT_JOIN(c->t, NULL);
    default:
      c->join_rc = last;
      return NULL;
  }
}

static void test_signal_cancelled_before_start(void** state) {
  ctx_t c = {SIGUSR1, -1, -1, -1, NULL, 0, 0};
  (void)state;
  script_take(asyncc__run(script_start(cancel_first_script, &c)));
  assert_int_equal(c.wait_rc, UV_ECANCELED);
  assert_int_equal(c.join_rc, UV_ECANCELED);
  test_end_clean();
}

/* An invalid signal number fails at once (with the handle closed). */
static asyncc_frame_t* bad_script(void* p, int step, int last,
                                  script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) return SCRIPT_SIGNAL(c->signum);
  c->wait_rc = last;
  return NULL;
}

static void test_signal_bad_number(void** state) {
  ctx_t c = {0, -1, -1, -1, NULL, 0, 0};
  (void)state;
  script_take(asyncc__run(script_start(bad_script, &c)));
  assert_int_equal(c.wait_rc, UV_EINVAL);
  c.signum = 100000;
  c.wait_rc = -1;
  script_take(asyncc__run(script_start(bad_script, &c)));
  assert_int_equal(c.wait_rc, UV_EINVAL);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_signal_wait_returns_on_delivery),
      cmocka_unit_test(test_signal_one_delivery_ends_every_wait),
      cmocka_unit_test(test_signal_cancel_releases_handle),
      cmocka_unit_test(test_signal_cancelled_before_start),
      cmocka_unit_test(test_signal_bad_number),
  };
  return cmocka_run_group_tests_name("signal", tests, NULL, NULL);
}
