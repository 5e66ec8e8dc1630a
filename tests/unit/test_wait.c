/* test_wait.c - asyncc_gather, asyncc_race and asyncc_timeout. */
#include "test_util.h"

typedef struct {
  asyncc_task_t* t[8];
  asyncc_task_t* w; /* a task running a gather/race/timeout */
  int r[8];
  int rc[8];
  int n;
  test_log_t log;
} ctx_t;

static uint64_t ms_since(uint64_t t0) { return (uv_hrtime() - t0) / 1000000; }

/* Joins t[0..n) into r[], statuses into rc[]; the steps from 'first'. */
static asyncc_frame_t* join_rest(ctx_t* c, int step, int first, int last,
                                 script_take_fn* take) {
  int k = step - first;
  if (k > 0) c->rc[k - 1] = last;
  if (k < c->n) return SCRIPT_JOIN(c->t[k], &c->r[k]);
  return NULL;
}

/* ---- gather -------------------------------------------------------------- */

static asyncc_frame_t* gather_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  static const int ms[3] = {30, 10, 20};
  int i;
  if (step == 0) {
    c->n = 3;
    for (i = 0; i < 3; i++)
      c->t[i] = asyncc__spawn(sleeper_start(ms[i], ms[i], &c->log),
                              sleeper_take_into);
    return SCRIPT_GATHER(c->t, 3);
  }
  if (step == 1) {
    c->rc[7] = last;
    for (i = 0; i < 3; i++) c->rc[4 + i] = asyncc_task_is_done(c->t[i]);
  }
  return join_rest(c, step, 1, last, take);
}

static void test_wait_gather_all(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(gather_script, &c)));
  assert_int_equal(c.rc[7], 0);
  for (i = 0; i < 3; i++) {
    assert_int_equal(c.rc[4 + i], 1); /* all ended when gather returned */
    assert_int_equal(c.rc[i], 0);
    assert_int_equal(c.r[i], 0);
  }
  assert_int_equal(c.log.n, 3);
  assert_true(ms_since(t0) >= 29);
  test_end_clean();
}

/* The first non-zero status, in array order. */
static asyncc_frame_t* gather_status_script(void* p, int step, int last,
                                            script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    c->n = 3;
    c->t[0] = asyncc__spawn(sleeper_start(5, 0, NULL), sleeper_take_into);
    c->t[1] = asyncc__spawn(sleeper_start(5, 1, NULL), sleeper_take_into);
    c->t[2] = asyncc__spawn(sleeper_start(1, 2, NULL), sleeper_take_into);
    asyncc_task_cancel(c->t[1]);
    return SCRIPT_GATHER(c->t, 3);
  }
  if (step == 1) c->rc[7] = last;
  return join_rest(c, step, 1, last, take);
}

static void test_wait_gather_status(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(gather_status_script, &c)));
  assert_int_equal(c.rc[7], UV_ECANCELED);
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], UV_ECANCELED);
  assert_int_equal(c.rc[2], 0);
  test_end_clean();
}

static asyncc_frame_t* gather_errors_script(void* p, int step, int last,
                                            script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      return SCRIPT_GATHER(NULL, 0); /* nothing to wait for */
    case 1:
      c->rc[0] = last;
      return SCRIPT_GATHER(NULL, 2);
    case 2:
      c->rc[1] = last;
      c->t[0] = asyncc_task_current();
      return SCRIPT_GATHER(c->t, 1);
    case 3:
      c->rc[2] = last;
      c->t[0] = asyncc__spawn(sleeper_start(1, 0, NULL), sleeper_take_into);
      asyncc_task_detach(c->t[0]);
      return SCRIPT_GATHER(c->t, 1);
    case 4:
      c->rc[3] = last;
      c->t[0] = NULL;
      return SCRIPT_RACE(c->t, 1);
    case 5:
      c->rc[4] = last;
      return SCRIPT_RACE(c->t, 0);
    case 6:
      c->rc[5] = last;
      return SCRIPT_TIMEOUT(NULL, 10);
    default:
      c->rc[6] = last;
      return NULL;
  }
}

static void test_wait_errors(void** state) {
  ctx_t c;
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(gather_errors_script, &c)));
  assert_int_equal(c.rc[0], 0);
  for (i = 1; i <= 6; i++) assert_int_equal(c.rc[i], UV_EINVAL);
  test_end_clean();
}

/* A cancelled gather cancels its children and waits for them. */
static asyncc_frame_t* gatherer_script(void* p, int step, int last,
                                       script_take_fn* take) {
  ctx_t* c = p;
  int i;
  if (step == 0) {
    for (i = 0; i < 3; i++)
      c->t[i] =
          asyncc__spawn(sleeper_start(60000, i, &c->log), sleeper_take_into);
    return SCRIPT_GATHER(c->t, 3);
  }
  c->rc[7] = last;
  for (i = 0; i < 3; i++) c->rc[4 + i] = asyncc_task_is_done(c->t[i]);
  return NULL;
}

static asyncc_frame_t* cancel_gather_script(void* p, int step, int last,
                                            script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    c->w = asyncc__spawn(script_start(gatherer_script, c), script_take_into);
    return SCRIPT_SLEEP(10);
  }
  if (step == 1) {
    asyncc_task_cancel(c->w);
    return SCRIPT_JOIN(c->w, NULL);
  }
  if (step == 2) {
    c->rc[3] = last;
    c->n = 3;
  }
  return join_rest(c, step, 2, last, take);
}

static void test_wait_gather_cancelled(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(cancel_gather_script, &c)));
  assert_int_equal(c.rc[7], UV_ECANCELED); /* what gather returned */
  assert_int_equal(c.rc[3], UV_ECANCELED); /* the gatherer's status */
  for (i = 0; i < 3; i++) {
    assert_int_equal(c.rc[4 + i], 1);
    assert_int_equal(c.rc[i], UV_ECANCELED);
    assert_int_equal(c.r[i], UV_ECANCELED);
  }
  assert_int_equal(c.log.n, 3);
  assert_true(ms_since(t0) < 2000);
  test_end_clean();
}

/* ---- race ---------------------------------------------------------------- */

static asyncc_frame_t* race_script(void* p, int step, int last,
                                   script_take_fn* take) {
  ctx_t* c = p;
  static const int ms[3] = {300, 10, 200};
  int i;
  if (step == 0) {
    c->n = 3;
    for (i = 0; i < 3; i++)
      c->t[i] =
          asyncc__spawn(sleeper_start(ms[i], i, &c->log), sleeper_take_into);
    return SCRIPT_RACE(c->t, 3);
  }
  if (step == 1) {
    c->rc[7] = last;
    c->rc[6] = c->log.n;
    /* Already ended: the lowest index wins at once. */
    return SCRIPT_RACE(c->t, 3);
  }
  if (step == 2) {
    c->rc[5] = last;
    for (i = 0; i < 3; i++) asyncc_task_cancel(c->t[i]);
  }
  return join_rest(c, step, 2, last, take);
}

static void test_wait_race(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(race_script, &c)));
  assert_int_equal(c.rc[7], 1);
  assert_int_equal(c.rc[6], 1);
  assert_int_equal(c.rc[5], 1);
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.rc[2], UV_ECANCELED);
  assert_true(ms_since(t0) < 150);
  test_end_clean();
}

static asyncc_frame_t* racer_script(void* p, int step, int last,
                                    script_take_fn* take) {
  ctx_t* c = p;
  int i;
  if (step == 0) {
    for (i = 0; i < 4; i++)
      c->t[i] =
          asyncc__spawn(sleeper_start(60000, i, &c->log), sleeper_take_into);
    return SCRIPT_RACE(c->t, 4);
  }
  c->rc[7] = last;
  return NULL;
}

static asyncc_frame_t* cancel_race_script(void* p, int step, int last,
                                          script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    c->w = asyncc__spawn(script_start(racer_script, c), script_take_into);
    return SCRIPT_SLEEP(10);
  }
  if (step == 1) {
    asyncc_task_cancel(c->w);
    return SCRIPT_JOIN(c->w, NULL);
  }
  if (step == 2) {
    c->rc[6] = last;
    c->n = 4;
  }
  return join_rest(c, step, 2, last, take);
}

static void test_wait_race_cancelled(void** state) {
  ctx_t c;
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(cancel_race_script, &c)));
  assert_int_equal(c.rc[7], UV_ECANCELED);
  assert_int_equal(c.rc[6], UV_ECANCELED);
  for (i = 0; i < 4; i++) assert_int_equal(c.rc[i], UV_ECANCELED);
  assert_int_equal(c.log.n, 4);
  test_end_clean();
}

/* Out of memory for the race's waiters: UV_ENOMEM, nothing registered. */
#define RACE_N 1000
static int fail_race_alloc;

static void* race_malloc(size_t size) {
  /* The race's waiters: a node and a pointer per task (frame chunks are
   * 64 KiB, bigger). */
  if (fail_race_alloc && size >= RACE_N * 16 && size <= RACE_N * 32)
    return NULL;
  return malloc(size);
}

static asyncc_frame_t* race_oom_script(void* p, int step, int last,
                                       script_take_fn* take) {
  static asyncc_task_t* many[RACE_N];
  ctx_t* c = p;
  int i;
  if (step == 0) {
    for (i = 0; i < RACE_N; i++)
      many[i] = asyncc__spawn(sleeper_start(5, i, NULL), sleeper_take_into);
    fail_race_alloc = 1;
    return SCRIPT_RACE(many, RACE_N);
  }
  if (step == 1) {
    fail_race_alloc = 0;
    c->rc[0] = last;
    return SCRIPT_GATHER(many, RACE_N); /* nothing was left registered */
  }
  if (step == 2) {
    c->rc[1] = last;
    return SCRIPT_RACE(many, RACE_N);
  }
  c->rc[2] = last;
  return NULL; /* asyncc_run frees the unjoined tasks */
}

static void test_wait_race_oom(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_replace_allocator(race_malloc, realloc, calloc, free),
                   0);
  script_take(asyncc__run(script_start(race_oom_script, &c)));
  assert_int_equal(asyncc_replace_allocator(malloc, realloc, calloc, free), 0);
  assert_int_equal(c.rc[0], UV_ENOMEM);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.rc[2], 0); /* all done: the lowest index */
  test_end_clean();
}

/* ---- timeout ------------------------------------------------------------- */

static asyncc_frame_t* timeout_script(void* p, int step, int last,
                                      script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t[0] = asyncc__spawn(sleeper_start(5, 0, NULL), sleeper_take_into);
      return SCRIPT_TIMEOUT(c->t[0], 1000); /* in time */
    case 1:
      c->rc[0] = last;
      return SCRIPT_TIMEOUT(c->t[0], 1000); /* ended: at once */
    case 2:
      c->rc[1] = last;
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    case 3:
      c->t[1] = asyncc__spawn(sleeper_start(60000, 1, NULL), sleeper_take_into);
      c->rc[6] = (int)(uv_hrtime() / 1000000);
      return SCRIPT_TIMEOUT(c->t[1], 20); /* too slow */
    case 4:
      c->rc[2] = last;
      c->rc[6] = (int)(uv_hrtime() / 1000000) - c->rc[6];
      c->rc[3] = asyncc_task_is_done(c->t[1]);
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    default:
      c->rc[4] = last;
      return NULL;
  }
}

static void test_wait_timeout(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(timeout_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.r[0], 0);
  assert_int_equal(c.rc[2], UV_ETIMEDOUT);
  assert_int_equal(c.rc[3], 1);
  assert_int_equal(c.rc[4], UV_ECANCELED);
  assert_int_equal(c.r[1], UV_ECANCELED);
  assert_true(c.rc[6] >= 19 && c.rc[6] < 2000);
  test_end_clean();
}

/* A cancelled timeout cancels its task too. */
static asyncc_frame_t* timeouter_script(void* p, int step, int last,
                                        script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    c->t[0] =
        asyncc__spawn(sleeper_start(60000, 0, &c->log), sleeper_take_into);
    return SCRIPT_TIMEOUT(c->t[0], 50000);
  }
  c->rc[7] = last;
  return NULL;
}

static asyncc_frame_t* cancel_timeout_script(void* p, int step, int last,
                                             script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    c->w = asyncc__spawn(script_start(timeouter_script, c), script_take_into);
    return SCRIPT_SLEEP(10);
  }
  if (step == 1) {
    asyncc_task_cancel(c->w);
    return SCRIPT_JOIN(c->w, NULL);
  }
  if (step == 2) {
    c->rc[6] = last;
    c->n = 1;
  }
  return join_rest(c, step, 2, last, take);
}

static void test_wait_timeout_cancelled(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(cancel_timeout_script, &c)));
  assert_int_equal(c.rc[7], UV_ECANCELED);
  assert_int_equal(c.rc[6], UV_ECANCELED);
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(c.log.n, 1);
  assert_true(ms_since(t0) < 2000);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wait_gather_all),
      cmocka_unit_test(test_wait_gather_status),
      cmocka_unit_test(test_wait_errors),
      cmocka_unit_test(test_wait_gather_cancelled),
      cmocka_unit_test(test_wait_race),
      cmocka_unit_test(test_wait_race_cancelled),
      cmocka_unit_test(test_wait_race_oom),
      cmocka_unit_test(test_wait_timeout),
      cmocka_unit_test(test_wait_timeout_cancelled),
  };
  return cmocka_run_group_tests_name("wait", tests, NULL, NULL);
}
