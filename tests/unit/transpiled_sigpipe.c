/* transpiled_sigpipe.c - SIGPIPE when a program waits for it before its
 * first stream, in async C that the real asyncc transpiles when the test
 * is built. A binary of its own: the runtime decides about SIGPIPE once
 * per process, at its first stream or file write, which must come here
 * while the wait is pending.
 */
#include <asyncc.h>

#include "test_util.h"

static async int wait_sigpipe(void) {
  return await(asyncc_signal_wait(SIGPIPE));
}

/* The first stream comes while a wait for SIGPIPE holds it (libuv's
 * handler, not SIG_DFL): once the wait ends SIGPIPE is ignored, and a
 * write to a pipe with no reader returns UV_EPIPE (it killed the process:
 * the runtime had taken the handler for the program's own choice). */
static async int wait_first_main(int* wait_rc, int* ignored) {
  asyncc_stream_t s;
  struct sigaction sa;
  int fds[2], rc;
  asyncc_task_t* t = asyncc_spawn(wait_sigpipe());
  await(asyncc_yield()); /* t waits */
  asyncc_pipe_init(&s, 0);
  await(asyncc_stream_close(&s));
  raise(SIGPIPE);
  await(asyncc_task_join(t, wait_rc));
  *ignored = sigaction(SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN;
  if (pipe(fds) != 0) return -1;
  close(fds[0]);
  rc = (int)await(asyncc_fs_write(fds[1], "x", 1, -1));
  close(fds[1]);
  return rc;
}

static void test_sigpipe_ignored_after_a_wait_before_the_first_stream(
    void** state) {
  int wait_rc = -1, ignored = 0;
  (void)state;
  assert_int_equal(asyncc_run(wait_first_main(&wait_rc, &ignored)), UV_EPIPE);
  assert_int_equal(wait_rc, 0);
  assert_int_equal(ignored, 1);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(
          test_sigpipe_ignored_after_a_wait_before_the_first_stream),
  };
  return cmocka_run_group_tests_name("transpiled_sigpipe", tests, NULL, NULL);
}
