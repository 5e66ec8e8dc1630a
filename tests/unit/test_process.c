/* test_process.c - asyncc_process_run: exit status, signals, spawn errors,
 * misuse, and cancellation that kills the child; asyncc_process_exec's pid
 * and asyncc_process_kill. */
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
  asyncc_process_t proc;
  int pid_seen;
  int alive_seen;
  int kill_rc[4];
} ctx_t;

#define EXEC(p, opts, st, sig)               \
  (*take = asyncc__asyncc_process_exec_take, \
   asyncc__asyncc_process_exec_start(p, opts, st, sig))

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

/* A child awaited with asyncc_process_exec is visible (its pid) and can
 * be signalled while it runs; afterwards its pid is 0 and a kill reports
 * UV_ESRCH. */
static asyncc_frame_t* exec_sleeper(void* p, int step, int last,
                                    script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    sh(c, 0, "exec sleep 30");
    return EXEC(&c->proc, &c->opts[0], &c->status[0], &c->sig[0]);
  }
  c->rc[0] = last;
  return NULL;
}

static asyncc_frame_t* kill_script(void* p, int step, int last,
                                   script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->kill_rc[0] = asyncc_process_kill(&c->proc, SIGTERM); /* not yet */
      c->t = asyncc__spawn(script_start(exec_sleeper, c), script_take_into);
      return SCRIPT_SLEEP(50);
    case 1:
      c->pid_seen = c->proc.pid;
      c->alive_seen = c->pid_seen > 0 && kill(c->pid_seen, 0) == 0;
      c->kill_rc[1] = asyncc_process_kill(&c->proc, SIGTERM);
      return SCRIPT_JOIN(c->t, NULL);
    case 2:
      c->rc[1] = last;
      c->kill_rc[2] = asyncc_process_kill(&c->proc, SIGTERM);
      c->kill_rc[3] = asyncc_process_kill(NULL, SIGTERM);
      sh(c, 1, "true");
      return EXEC(NULL, &c->opts[1], &c->status[1], &c->sig[1]);
    default:
      c->rc[2] = last;
      return NULL;
  }
}

static void test_process_exec_pid_kill(void** state) {
  ctx_t c;
  uint64_t t0 = uv_hrtime();
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(kill_script, &c)));
  assert_int_equal(c.kill_rc[0], UV_ESRCH);
  assert_true(c.pid_seen > 0);
  assert_true(c.alive_seen);
  assert_int_equal(c.kill_rc[1], 0);
  assert_int_equal(c.rc[0], 0); /* it ran to its (killed) end */
  assert_int_equal(c.sig[0], SIGTERM);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.proc.pid, 0);
  assert_int_equal(c.kill_rc[2], UV_ESRCH);
  assert_int_equal(c.kill_rc[3], UV_EINVAL);
  assert_int_equal(c.rc[2], UV_EINVAL);
  assert_int_equal(c.status[1], -1); /* never spawned */
  assert_true((uv_hrtime() - t0) / 1000000 < 5000);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_process_run),
      cmocka_unit_test(test_process_cancel_kills),
      cmocka_unit_test(test_process_exec_pid_kill),
  };
  return cmocka_run_group_tests_name("process", tests, NULL, NULL);
}
