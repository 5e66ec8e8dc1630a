/* transpiled_run_end.c - asyncc_run's end with I/O in flight, in async C
 * that the real asyncc transpiles when the test is built.
 *
 * When the root returns, asyncc_run cancels every task still running: each
 * operation they wait in returns UV_ECANCELED and is released (requests
 * withdrawn or waited for, handles closed, children killed), and the tasks'
 * own closes still close. Afterwards no frame, task, handle or socket of
 * the runtime is left, and the loop closes. The same on a runner of its
 * own loop in a second thread, while the main thread runs the default
 * loop.
 */
#include <asyncc.h>
#include <pthread.h>
#include <sys/socket.h>

#include "test_util.h"

enum {
  OP_READ,
  OP_ACCEPT,
  OP_WRITE,
  OP_SHUTDOWN,
  OP_PROCESS,
  OP_SIGNAL,
  OP_RECV,
  OP_SEND,
  OP_SLEEP,
  NOPS,
};

typedef struct {
  asyncc_stream_t server;
  asyncc_stream_t quiet[2]; /* a connection nobody writes to */
  asyncc_stream_t busy[2];  /* one whose writer fills the buffers */
  asyncc_chan_t empty, full, ready;
  int result[NOPS]; /* each task's last await before its closes */
  int closed[NOPS]; /* its streams' closes: UV_ECANCELED in a cancelled task */
} ctx_t;

static char big[16 << 20]; /* more than the socket buffers take */

/* Tells the root it is about to wait (without suspending: 'ready' has room
 * for every task), then waits in operation 'op' until cancelled. */
static async int waiter(ctx_t* c, int op) {
  static char sh[] = "/bin/sh", dash_c[] = "-c", cmd[] = "exec sleep 30";
  char* args[] = {sh, dash_c, cmd, NULL};
  uv_process_options_t opts;
  asyncc_stream_t own;
  char buf[8];
  int v = op, rc = 0;
  asyncc_tcp_init(&own);
  asyncc_chan_try_send(&c->ready, &v);
  switch (op) {
    case OP_READ:
      rc = (int)await(asyncc_stream_read(&c->quiet[0], buf, sizeof buf));
      break;
    case OP_ACCEPT:
      rc = await(asyncc_stream_accept(&c->server, &own));
      break;
    case OP_WRITE:
      rc = await(asyncc_stream_write(&c->busy[0], big, sizeof big));
      break;
    case OP_SHUTDOWN: /* queued behind OP_WRITE's write, started first */
      rc = await(asyncc_stream_shutdown(&c->busy[0]));
      break;
    case OP_PROCESS:
      memset(&opts, 0, sizeof opts);
      opts.file = sh;
      opts.args = args;
      rc = await(asyncc_process_run(&opts, NULL, NULL));
      break;
    case OP_SIGNAL:
      rc = await(asyncc_signal_wait(SIGUSR2));
      break;
    case OP_RECV:
      rc = await(asyncc_chan_recv(&c->empty, &v));
      break;
    case OP_SEND:
      rc = await(asyncc_chan_send(&c->full, &v));
      break;
    case OP_SLEEP:
      rc = await(asyncc_sleep(100000));
      break;
  }
  c->result[op] = rc;
  c->closed[op] = await(asyncc_stream_close(&own));
  if (op == OP_READ) {
    await(asyncc_stream_close(&c->quiet[0]));
    await(asyncc_stream_close(&c->quiet[1]));
  } else if (op == OP_WRITE) {
    await(asyncc_stream_close(&c->busy[0]));
    await(asyncc_stream_close(&c->busy[1]));
  } else if (op == OP_ACCEPT) {
    await(asyncc_stream_close(&c->server));
  }
  return rc;
}

/* Connects pair[0] to pair[1] through the listener at 'addr'. */
static async int connect_pair(ctx_t* c, struct sockaddr_in* addr,
                              asyncc_stream_t* pair) {
  int rc;
  asyncc_tcp_init(&pair[0]);
  asyncc_tcp_init(&pair[1]);
  rc = await(asyncc_tcp_connect(&pair[0], (const struct sockaddr*)addr));
  if (rc == 0) rc = await(asyncc_stream_accept(&c->server, &pair[1]));
  return rc;
}

/* Makes the connections, starts a task per operation, waits until each is
 * about to wait, and returns: asyncc_run ends them. */
static async int run_end_main(ctx_t* c) {
  struct sockaddr_in addr;
  int len = sizeof addr, v = 0, i, rc;
  uv_ip4_addr("127.0.0.1", 0, &addr);
  asyncc_tcp_init(&c->server);
  rc = asyncc_tcp_bind(&c->server, (const struct sockaddr*)&addr, 0);
  if (rc == 0) rc = asyncc_stream_listen(&c->server, 8);
  if (rc == 0)
    rc = uv_tcp_getsockname(&c->server.uv.tcp, (struct sockaddr*)&addr, &len);
  if (rc == 0) rc = await(connect_pair(c, &addr, c->quiet));
  if (rc == 0) rc = await(connect_pair(c, &addr, c->busy));
  if (rc < 0) return rc;
  asyncc_chan_try_send(&c->full, &v);
  for (i = 0; i < NOPS; i++) asyncc_task_detach(asyncc_spawn(waiter(c, i)));
  for (i = 0; i < NOPS; i++) await(asyncc_chan_recv(&c->ready, &v));
  return 0;
}

/* Runs it all and checks what the tasks saw; returns 0, or the line of the
 * first check that failed (for a thread, which cannot fail a test). */
static int run_end(ctx_t* c) {
  int i;
  memset(c, 0, sizeof *c);
  if (asyncc_chan_init(&c->empty, sizeof(int), 1) != 0 ||
      asyncc_chan_init(&c->full, sizeof(int), 1) != 0 ||
      asyncc_chan_init(&c->ready, sizeof(int), NOPS) != 0)
    return __LINE__;
  if (asyncc_run(run_end_main(c)) != 0) return __LINE__;
  for (i = 0; i < NOPS; i++)
    if (c->result[i] != UV_ECANCELED || c->closed[i] != UV_ECANCELED)
      return __LINE__ * 100 + i;
  if (asyncc_chan_close(&c->empty) != 0 || asyncc_chan_close(&c->full) != 0 ||
      asyncc_chan_close(&c->ready) != 0)
    return __LINE__;
  return 0;
}

static void test_run_end_cancels_and_releases_io_in_flight(void** state) {
  static ctx_t c;
  int sockets = test_socket_count();
  (void)state;
  assert_int_equal(run_end(&c), 0);
  test_end_clean();
  assert_int_equal(test_socket_count(), sockets);
}

/* ---- a runner of its own loop in a second thread ------------------------ */

static void* run_end_thread(void* arg) {
  static ctx_t c;
  int* failed = arg;
  uv_loop_t loop;
  asyncc_runner_t runner;
  if (uv_loop_init(&loop) != 0 || asyncc_runner_init(&runner, &loop) != 0) {
    *failed = __LINE__;
    return NULL;
  }
  *failed = run_end(&c);
  if (asyncc_runner_close(&runner) != 0 || uv_loop_close(&loop) != 0 ||
      asyncc__handle_live_count() != 0 || asyncc__fd_live_count() != 0)
    *failed = __LINE__; /* this thread's counts */
  return NULL;
}

static void test_run_end_on_a_second_thread_loop(void** state) {
  static ctx_t c;
  pthread_t th;
  int sockets = test_socket_count(), failed = -1;
  (void)state;
  assert_int_equal(pthread_create(&th, NULL, run_end_thread, &failed), 0);
  assert_int_equal(run_end(&c), 0); /* meanwhile, on the default loop */
  assert_int_equal(pthread_join(th, NULL), 0);
  assert_int_equal(failed, 0);
  test_end_clean();
  assert_int_equal(test_socket_count(), sockets);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_run_end_cancels_and_releases_io_in_flight),
      cmocka_unit_test(test_run_end_on_a_second_thread_loop),
  };
  return cmocka_run_group_tests_name("transpiled_run_end", tests, NULL, NULL);
}
