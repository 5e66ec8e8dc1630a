/* test_process.c - asyncc_process_run: exit status, signals, spawn errors,
 * misuse, and cancellation that kills the child. */
#include "test_util.h"

#define RUN(opts, st, sig)                  \
  (*take = asyncc__asyncc_process_run_take, \
   asyncc__asyncc_process_run_start(opts, st, sig))

typedef struct {
  uv_process_options_t opts[4];
  char* args[4][4];
  int64_t status[4];
  int sig[4];
  int rc[8];
  asyncc_task_t* t;
} ctx_t;

static void sh(ctx_t* c, int i, const char* cmd) {
  c->args[i][0] = (char*)(uintptr_t) "/bin/sh";
  c->args[i][1] = (char*)(uintptr_t) "-c";
  c->args[i][2] = (char*)(uintptr_t)cmd;
  c->args[i][3] = NULL;
  c->opts[i].file = "/bin/sh";
  c->opts[i].args = c->args[i];
  c->status[i] = -1;
  c->sig[i] = -1;
}

static asyncc_frame_t* run_script(void* p, int step, int last,
                                  script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      sh(c, 0, "exit 3");
      return RUN(&c->opts[0], &c->status[0], &c->sig[0]);
    case 1:
      c->rc[0] = last;
      sh(c, 1, "kill -9 $$");
      return RUN(&c->opts[1], &c->status[1], &c->sig[1]);
    case 2:
      c->rc[1] = last;
      sh(c, 2, "true");
      c->opts[2].file = "/nonexistent/program";
      return RUN(&c->opts[2], &c->status[2], &c->sig[2]);
    case 3:
      c->rc[2] = last;
      return RUN(NULL, NULL, NULL);
    default:
      c->rc[3] = last;
      return NULL;
  }
}

static void test_process_run(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(run_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.status[0], 3);
  assert_int_equal(c.sig[0], 0);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.sig[1], 9);
  assert_int_equal(c.rc[2], UV_ENOENT);
  assert_int_equal(c.status[2], -1); /* untouched */
  assert_int_equal(c.rc[3], UV_EINVAL);
  test_end_clean();
}

static asyncc_frame_t* sleeper_script(void* p, int step, int last,
                                      script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    sh(c, 0, "sleep 30");
    return RUN(&c->opts[0], &c->status[0], &c->sig[0]);
  }
  c->rc[0] = last;
  return NULL;
}

static asyncc_frame_t* cancel_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t = asyncc__spawn(script_start(sleeper_script, c), script_take_into);
      return SCRIPT_SLEEP(50);
    case 1:
      asyncc_task_cancel(c->t);
      return SCRIPT_JOIN(c->t, NULL);
    default:
      c->rc[1] = last;
      return NULL;
  }
}

static void test_process_cancel_kills(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(cancel_script, &c)));
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(c.rc[1], UV_ECANCELED);
  assert_int_equal(c.status[0], -1);
  assert_true((uv_hrtime() - t0) / 1000000 < 5000);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_process_run),
      cmocka_unit_test(test_process_cancel_kills),
  };
  return cmocka_run_group_tests_name("process", tests, NULL, NULL);
}
