/* test_future.c - asyncc_future_t: completion, done callbacks, misuse, and
 * awaiting futures from async code (asyncc_future_wait).
 */
#include "test_util.h"

static void test_future_resolve_reject_status(void** state) {
  asyncc_future_t f;
  int value = 5;
  (void)state;

  assert_int_equal(asyncc_future_init(NULL), UV_EINVAL);
  assert_int_equal(asyncc_future_init(&f), 0);
  assert_int_equal(asyncc_future_is_done(&f), 0);
  assert_int_equal(asyncc_future_get_status(&f), UV_EAGAIN);
  assert_null(asyncc_future_get_result(&f));
  assert_int_equal(asyncc_future_reject(&f, 0), UV_EINVAL); /* not < 0 */
  assert_int_equal(asyncc_future_reject(&f, 3), UV_EINVAL);
  assert_int_equal(asyncc_future_resolve(&f, &value), 0);
  assert_int_equal(asyncc_future_is_done(&f), 1);
  assert_int_equal(asyncc_future_get_status(&f), 0);
  assert_ptr_equal(asyncc_future_get_result(&f), &value);
  /* A future completes exactly once. */
  assert_int_equal(asyncc_future_resolve(&f, NULL), UV_EINVAL);
  assert_int_equal(asyncc_future_reject(&f, UV_EIO), UV_EINVAL);
  assert_ptr_equal(asyncc_future_get_result(&f), &value);
  assert_int_equal(asyncc_future_close(&f), 0);

  assert_int_equal(asyncc_future_init(&f), 0); /* may be reused */
  assert_int_equal(asyncc_future_reject(&f, UV_ECONNREFUSED), 0);
  assert_int_equal(asyncc_future_get_status(&f), UV_ECONNREFUSED);
  assert_null(asyncc_future_get_result(&f));
  assert_int_equal(asyncc_future_close(&f), 0);
  test_end_clean();
}

static void test_future_invalid(void** state) {
  asyncc_future_t f;
  asyncc_future_done_t req;
  (void)state;

  memset(&f, 0, sizeof f); /* never initialized */
  assert_int_equal(asyncc_future_resolve(&f, NULL), UV_EINVAL);
  assert_int_equal(asyncc_future_reject(&f, UV_EIO), UV_EINVAL);
  assert_int_equal(asyncc_future_get_status(&f), UV_EINVAL);
  assert_int_equal(asyncc_future_is_done(&f), 0);
  assert_int_equal(asyncc_future_close(&f), UV_EINVAL);
  assert_int_equal(asyncc_future_add_done_cb(&f, &req, NULL), UV_EINVAL);
  assert_int_equal(asyncc_future_resolve(NULL, NULL), UV_EINVAL);
  assert_int_equal(asyncc_future_reject(NULL, UV_EIO), UV_EINVAL);
  assert_int_equal(asyncc_future_get_status(NULL), UV_EINVAL);
  assert_null(asyncc_future_get_result(NULL));
  assert_int_equal(asyncc_future_is_done(NULL), 0);
  assert_int_equal(asyncc_future_close(NULL), UV_EINVAL);

  /* Closed: every use is caught, closing twice too. */
  assert_int_equal(asyncc_future_init(&f), 0);
  assert_int_equal(asyncc_future_close(&f), 0);
  assert_int_equal(asyncc_future_close(&f), UV_EINVAL);
  assert_int_equal(asyncc_future_resolve(&f, NULL), UV_EINVAL);
  assert_int_equal(asyncc_future_get_status(&f), UV_EINVAL);
  test_end_clean();
}

/* ---- done callbacks ---------------------------------------------------- */

static test_log_t cb_log;

static void log_cb(asyncc_future_done_t* req, asyncc_future_t* f) {
  test_log_push(&cb_log, *(int*)req->data);
  test_log_push(&cb_log, asyncc_future_get_status(f));
  assert_null(req->future); /* no longer registered */
}

static void log_id_cb(asyncc_future_done_t* req, asyncc_future_t* f) {
  (void)f; /* freed by the callback before this one */
  test_log_push(&cb_log, *(int*)req->data);
}

static void free_req_cb(asyncc_future_done_t* req, asyncc_future_t* f) {
  (void)f;
  test_log_push(&cb_log, 99);
  free(req);
}

static void free_future_cb(asyncc_future_done_t* req, asyncc_future_t* f) {
  (void)req;
  test_log_push(&cb_log, 77);
  assert_int_equal(asyncc_future_close(f), 0);
  free(f);
}

static void test_future_done_callbacks(void** state) {
  asyncc_future_t f;
  asyncc_future_done_t reqs[4];
  int ids[4] = {1, 2, 3, 4};
  asyncc_future_done_t* heap_req = calloc(1, sizeof *heap_req);
  int i;
  (void)state;

  cb_log.n = 0;
  assert_int_equal(asyncc_future_init(&f), 0);
  for (i = 0; i < 4; i++) {
    reqs[i].data = &ids[i];
    assert_int_equal(asyncc_future_add_done_cb(&f, &reqs[i], log_cb), 0);
    assert_ptr_equal(reqs[i].future, &f);
  }
  assert_int_equal(asyncc_future_add_done_cb(&f, heap_req, free_req_cb), 0);
  assert_int_equal(asyncc_future_add_done_cb(NULL, &reqs[0], log_cb),
                   UV_EINVAL);
  assert_int_equal(asyncc_future_add_done_cb(&f, NULL, log_cb), UV_EINVAL);
  assert_int_equal(asyncc_future_add_done_cb(&f, &reqs[0], NULL), UV_EINVAL);

  /* Remove the first, the last and a middle one of the 4; re-add one. */
  assert_int_equal(asyncc_future_remove_done_cb(&reqs[0]), 0);
  assert_int_equal(asyncc_future_remove_done_cb(&reqs[0]), UV_ENOENT);
  assert_int_equal(asyncc_future_remove_done_cb(&reqs[2]), 0);
  assert_int_equal(asyncc_future_remove_done_cb(NULL), UV_EINVAL);
  assert_int_equal(asyncc_future_close(&f), UV_EBUSY); /* still has waiters */
  assert_int_equal(asyncc_future_add_done_cb(&f, &reqs[0], log_cb), 0);

  assert_int_equal(asyncc_future_reject(&f, UV_EPIPE), 0);
  /* Registration order: 2, 4, heap, 1. */
  assert_int_equal(cb_log.n, 7);
  assert_int_equal(cb_log.v[0], 2);
  assert_int_equal(cb_log.v[1], UV_EPIPE);
  assert_int_equal(cb_log.v[2], 4);
  assert_int_equal(cb_log.v[4], 99);
  assert_int_equal(cb_log.v[5], 1);
  for (i = 0; i < 4; i++) assert_null(reqs[i].future);
  assert_int_equal(asyncc_future_remove_done_cb(&reqs[1]), UV_ENOENT);

  /* Done already: not registered, the caller is told. */
  assert_int_equal(asyncc_future_add_done_cb(&f, &reqs[0], log_cb),
                   UV_EALREADY);
  assert_null(reqs[0].future);
  assert_int_equal(asyncc_future_close(&f), 0);
  test_end_clean();
}

/* A done callback that unregisters a later one during the completion: the
 * later one does not run, and the removal says so (0), even after the
 * first callback freed the future. */
typedef struct {
  asyncc_future_done_t req[3];
  int ran[3];
  int removed;
} unreg_ctx_t;

static void unreg_cb(asyncc_future_done_t* req, asyncc_future_t* future) {
  unreg_ctx_t* c = req->data;
  int i = (int)(req - c->req);
  c->ran[i]++;
  if (i == 0) {
    assert_int_equal(asyncc_future_close(future), 0);
    memset(future, 0xA5, sizeof *future); /* freed */
    c->removed = asyncc_future_remove_done_cb(&c->req[1]);
  }
}

static void test_future_callback_unregisters_a_later_one(void** state) {
  asyncc_future_t f;
  unreg_ctx_t c;
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  c.removed = 9;
  assert_int_equal(asyncc_future_init(&f), 0);
  for (i = 0; i < 3; i++) {
    c.req[i].data = &c;
    assert_int_equal(asyncc_future_add_done_cb(&f, &c.req[i], unreg_cb), 0);
  }
  assert_int_equal(asyncc_future_resolve(&f, NULL), 0);
  assert_int_equal(c.removed, 0);
  assert_int_equal(c.ran[0], 1);
  assert_int_equal(c.ran[1], 0);
  assert_int_equal(c.ran[2], 1);
  assert_null(c.req[1].future);
  assert_int_equal(asyncc_future_remove_done_cb(&c.req[1]), UV_ENOENT);
  test_end_clean();
}

static void test_future_callback_frees_future(void** state) {
  asyncc_future_t* f = malloc(sizeof *f);
  asyncc_future_done_t a;
  asyncc_future_done_t b;
  int id = 8;
  (void)state;

  cb_log.n = 0;
  a.data = &id;
  assert_int_equal(asyncc_future_init(f), 0);
  assert_int_equal(asyncc_future_add_done_cb(f, &a, free_future_cb), 0);
  assert_int_equal(asyncc_future_add_done_cb(f, &b, log_id_cb), 0);
  b.data = &id;
  /* The first callback frees the future; the second still runs. */
  assert_int_equal(asyncc_future_resolve(f, NULL), 0);
  assert_int_equal(cb_log.n, 2);
  assert_int_equal(cb_log.v[0], 77);
  assert_int_equal(cb_log.v[1], 8);
  test_end_clean();
}

/* ---- awaiting futures -------------------------------------------------- */

/* The bridge: a libuv callback resolves the future a task awaits. */
static void resolve_on_timer(uv_timer_t* t) {
  asyncc_future_resolve(t->data, t);
  uv_close((uv_handle_t*)t, NULL);
}

static void test_future_wait_resolved_by_callback(void** state) {
  asyncc_future_t f;
  uv_timer_t timer;
  test_log_t log = {{0}, 0};
  (void)state;

  assert_int_equal(asyncc_future_init(&f), 0);
  assert_int_equal(uv_timer_init(uv_default_loop(), &timer), 0);
  timer.data = &f;
  assert_int_equal(uv_timer_start(&timer, resolve_on_timer, 10, 0), 0);
  assert_int_equal(waiter_take(asyncc__run(waiter_start(&f, 1, &log))), 0);
  assert_int_equal(log.n, 1);
  assert_ptr_equal(asyncc_future_get_result(&f), &timer);
  assert_int_equal(asyncc_future_close(&f), 0);
  test_end_clean();
}

static void test_future_wait_done_does_not_suspend(void** state) {
  asyncc_future_t f;
  asyncc_frame_t* root;
  (void)state;

  assert_int_equal(asyncc_future_init(&f), 0);
  assert_int_equal(asyncc_future_reject(&f, UV_ENOENT), 0);
  root = asyncc__run(waiter_start(&f, 1, NULL));
  /* ASYNCC__AWAIT records a resume point only when the call suspends. */
  assert_int_equal(root->state, 0);
  assert_int_equal(waiter_take(root), UV_ENOENT);
  assert_int_equal(asyncc_future_close(&f), 0);
  test_end_clean();
}

/* Several tasks wait on one future; they resume in the order they started
 * waiting, with its status. Another future is resolved and freed before
 * its waiter runs. */
typedef struct {
  asyncc_future_t f;
  asyncc_future_t* g;
  asyncc_task_t* t[3];
  int r[3];
  int rc[3];
  int gr;
  test_log_t log;
} wait_ctx_t;

static asyncc_frame_t* many_waiters_script(void* p, int step, int last,
                                           script_take_fn* take) {
  wait_ctx_t* c = p;
  int i;
  switch (step) {
    case 0:
      for (i = 0; i < 3; i++)
        c->t[i] =
            asyncc__spawn(waiter_start(&c->f, i, &c->log), waiter_take_into);
      return SCRIPT_YIELD(); /* let them start waiting */
    case 1:
      asyncc_future_reject(&c->f, UV_ETIMEDOUT);
      asyncc_future_close(&c->f); /* they copied the status */
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    case 2:
      c->rc[0] = last;
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    case 3:
      c->rc[1] = last;
      return SCRIPT_JOIN(c->t[2], &c->r[2]);
    default:
      c->rc[2] = last;
      return NULL;
  }
}

static void test_future_many_waiters(void** state) {
  wait_ctx_t c;
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_future_init(&c.f), 0);
  script_take(asyncc__run(script_start(many_waiters_script, &c)));
  assert_int_equal(c.log.n, 3);
  for (i = 0; i < 3; i++) {
    assert_int_equal(c.log.v[i], i);
    assert_int_equal(c.r[i], UV_ETIMEDOUT);
    assert_int_equal(c.rc[i], 0);
  }
  test_end_clean();
}

/* Cancelling a waiting task unregisters its waiter. */
static asyncc_frame_t* cancel_wait_script(void* p, int step, int last,
                                          script_take_fn* take) {
  wait_ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[0] =
          asyncc__spawn(waiter_start(&c->f, 0, &c->log), waiter_take_into);
      c->t[1] =
          asyncc__spawn(waiter_start(&c->f, 1, &c->log), waiter_take_into);
      return SCRIPT_YIELD();
    case 1:
      asyncc_task_cancel(c->t[0]);
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    case 2:
      c->rc[0] = last;
      asyncc_future_resolve(&c->f, NULL);
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    case 3:
      c->rc[1] = last;
      return SCRIPT_WAIT(NULL);
    case 4:
      c->gr = last;
      asyncc_future_close(&c->f);
      return SCRIPT_WAIT(&c->f); /* awaited after it was closed */
    case 5:
      c->rc[2] = last;
      asyncc_future_init(&c->f);
      return NULL;
    default:
      return NULL;
  }
}

static void test_future_wait_cancelled(void** state) {
  wait_ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_future_init(&c.f), 0);
  script_take(asyncc__run(script_start(cancel_wait_script, &c)));
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(c.r[0], UV_ECANCELED);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.r[1], 0);
  assert_int_equal(c.gr, UV_EINVAL);    /* waiting on NULL */
  assert_int_equal(c.rc[2], UV_EINVAL); /* on a closed future */
  assert_int_equal(asyncc_future_close(&c.f), 0);
  test_end_clean();
}

/* Cancelled before it waits: UV_ECANCELED on the next turn, even though
 * the future is done. */
static asyncc_frame_t* wait_in_cancelled_script(void* p, int step, int last,
                                                script_take_fn* take) {
  wait_ctx_t* c = p;
  switch (step) {
    case 0:
      asyncc_future_resolve(&c->f, NULL);
      asyncc_task_cancel(asyncc_task_current());
      return SCRIPT_WAIT(&c->f);
    default:
      c->rc[0] = last;
      return NULL;
  }
}

static void test_future_wait_in_cancelled_task(void** state) {
  wait_ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_future_init(&c.f), 0);
  script_take(asyncc__run(script_start(wait_in_cancelled_script, &c)));
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(asyncc_future_close(&c.f), 0);
  test_end_clean();
}

/* A wait that completed before the cancellation reached it keeps its
 * result; the task's next await reports the cancellation. */
static asyncc_frame_t* wait_then_yield(void* p, int step, int last,
                                       script_take_fn* take) {
  wait_ctx_t* c = p;
  switch (step) {
    case 0:
      return SCRIPT_WAIT(&c->f);
    case 1:
      c->rc[0] = last;
      return SCRIPT_YIELD();
    default:
      c->rc[1] = last;
      return NULL;
  }
}

static asyncc_frame_t* completed_then_cancelled(void* p, int step, int last,
                                                script_take_fn* take) {
  wait_ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[0] =
          asyncc__spawn(script_start(wait_then_yield, c), script_take_into);
      return SCRIPT_YIELD();
    case 1:
      asyncc_future_resolve(&c->f, NULL);
      asyncc_task_cancel(c->t[0]); /* in the same turn */
      return SCRIPT_JOIN(c->t[0], NULL);
    default:
      c->rc[2] = last;
      return NULL;
  }
}

static void test_future_completed_wait_survives_cancel(void** state) {
  wait_ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_future_init(&c.f), 0);
  script_take(asyncc__run(script_start(completed_then_cancelled, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], UV_ECANCELED);
  assert_int_equal(c.rc[2], UV_ECANCELED);
  assert_int_equal(asyncc_future_close(&c.f), 0);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_future_resolve_reject_status),
      cmocka_unit_test(test_future_invalid),
      cmocka_unit_test(test_future_done_callbacks),
      cmocka_unit_test(test_future_callback_frees_future),
      cmocka_unit_test(test_future_callback_unregisters_a_later_one),
      cmocka_unit_test(test_future_wait_resolved_by_callback),
      cmocka_unit_test(test_future_wait_done_does_not_suspend),
      cmocka_unit_test(test_future_many_waiters),
      cmocka_unit_test(test_future_wait_cancelled),
      cmocka_unit_test(test_future_wait_in_cancelled_task),
      cmocka_unit_test(test_future_completed_wait_survives_cancel),
  };
  return cmocka_run_group_tests_name("future", tests, NULL, NULL);
}
