/* transpiled_stream.c - streams at their edges, in async C that the real
 * asyncc transpiles when the test is built: a peer that is gone, real
 * sockets on 127.0.0.1 and a socket file in a temporary directory.
 *
 * Each test ends with the default loop closed and nothing of the runtime
 * left alive (test_end_clean).
 */
#include <asyncc.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "test_util.h"

static char dir[64];

static void make_dir(void) {
  snprintf(dir, sizeof dir, "/tmp/asyncc_test_tstream_XXXXXX");
  assert_non_null(mkdtemp(dir));
}

static void remove_dir(const char* file) {
  char path[128];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  unlink(path);
  rmdir(dir);
}

/* A listener on 127.0.0.1 with a port of the kernel's choice, in 'addr'. */
static int listen_tcp(asyncc_stream_t* server, struct sockaddr_in* addr) {
  int len = sizeof *addr;
  int rc;
  uv_ip4_addr("127.0.0.1", 0, addr);
  if ((rc = asyncc_tcp_init(server)) < 0) return rc;
  if ((rc = asyncc_tcp_bind(server, (const struct sockaddr*)addr, 0)) < 0)
    return rc;
  if ((rc = asyncc_stream_listen(server, 8)) < 0) return rc;
  return uv_tcp_getsockname(&server->uv.tcp, (struct sockaddr*)addr, &len);
}

/* ---- writes to a peer that is gone -------------------------------------- */

/* The process's SIGPIPE disposition is checked by the tests below: they
 * run with its default (the test binary sets none), as a program does. */

static const char payload[] = "after the peer left";

/* A connection between 'cli' and 'conn' through the listener 'server', on
 * 127.0.0.1 ('name' NULL) or the socket file 'name'. */
static async int connect_pair(asyncc_stream_t* server, asyncc_stream_t* cli,
                              asyncc_stream_t* conn, const char* name) {
  struct sockaddr_in addr;
  int rc;
  if (name == NULL) {
    rc = listen_tcp(server, &addr);
    asyncc_tcp_init(cli);
    asyncc_tcp_init(conn);
    if (rc == 0)
      rc = await(asyncc_tcp_connect(cli, (const struct sockaddr*)&addr));
  } else {
    asyncc_pipe_init(server, 0);
    asyncc_pipe_init(cli, 0);
    asyncc_pipe_init(conn, 0);
    rc = asyncc_pipe_bind(server, name);
    if (rc == 0) rc = asyncc_stream_listen(server, 8);
    if (rc == 0) rc = await(asyncc_pipe_connect(cli, name));
  }
  if (rc == 0) rc = await(asyncc_stream_accept(server, conn));
  return rc;
}

/* The client's side once the peer has left: one read, into *read_rc,
 * then writes, a loop turn apart, until one fails or 'max' succeeded
 * (counted in *writes); returns the last write's result. */
static async int read_then_write(asyncc_stream_t* cli, int* read_rc,
                                 int* writes, int max) {
  char buf[8];
  int rc;
  *read_rc = (int)await(asyncc_stream_read(cli, buf, sizeof buf));
  while ((rc = await(asyncc_stream_write(cli, payload, sizeof payload))) == 0 &&
         ++*writes < max)
    await(asyncc_sleep(1));
  return rc;
}

/* The peer closes ('reset': with SO_LINGER 0, a reset), then the client
 * reads and writes; 'max' writes at most. */
static async int peer_left_main(const char* name, int reset, int* read_rc,
                                int* writes, int max) {
  asyncc_stream_t server, cli, conn;
  struct linger lg = {1, 0};
  uv_os_fd_t fd;
  int rc = await(connect_pair(&server, &cli, &conn, name));
  if (rc == 0 && reset) rc = uv_fileno(&conn.uv.handle, &fd);
  if (rc == 0 && reset)
    rc = setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  await(asyncc_stream_close(&conn));
  if (rc == 0) rc = await(read_then_write(&cli, read_rc, writes, max));
  await(asyncc_stream_close(&cli));
  await(asyncc_stream_close(&server));
  return rc;
}

/* The peer resets the connection: the client's read sees the reset, its
 * write the closed connection: UV_EPIPE. */
static void test_stream_write_to_a_reset_tcp_peer_returns_epipe(void** state) {
  int read_rc = 0, writes = 0;
  (void)state;
  assert_int_equal(asyncc_run(peer_left_main(NULL, 1, &read_rc, &writes, 1)),
                   UV_EPIPE);
  assert_int_equal(read_rc, UV_ECONNRESET);
  test_end_clean();
}

/* The peer closes normally: the client reads the end of the stream, and
 * its writes go out until the peer's kernel answers one with a reset; the
 * next one fails with UV_EPIPE instead of killing the process with
 * SIGPIPE. (Bounded: the reset comes back within a few loop turns.) */
static void test_stream_write_to_a_closed_tcp_peer_returns_epipe(void** state) {
  int read_rc = 0, writes = 0;
  (void)state;
  assert_int_equal(
      asyncc_run(peer_left_main(NULL, 0, &read_rc, &writes, 10000)), UV_EPIPE);
  assert_int_equal(read_rc, UV_EOF);
  assert_true(writes >= 1 && writes < 10000);
  test_end_clean();
}

/* The same on a socket file, where the first write after the peer's close
 * fails. */
static void test_stream_write_to_a_closed_pipe_peer_returns_epipe(
    void** state) {
  char name[128];
  int read_rc = 0, writes = 0;
  (void)state;
  make_dir();
  snprintf(name, sizeof name, "%s/peer.sock", dir);
  assert_int_equal(asyncc_run(peer_left_main(name, 0, &read_rc, &writes, 1)),
                   UV_EPIPE);
  assert_int_equal(read_rc, UV_EOF);
  remove_dir("peer.sock");
  test_end_clean();
}

/* Ignoring SIGPIPE is the runtime's, not its children's: a child that
 * sends itself SIGPIPE dies of it. */
static async int child_sigpipe_main(int* term_signal) {
  static char sh[] = "/bin/sh", c[] = "-c", cmd[] = "kill -PIPE $$";
  char* args[] = {sh, c, cmd, NULL};
  uv_process_options_t opts;
  int64_t status = -1;
  memset(&opts, 0, sizeof opts);
  opts.file = sh;
  opts.args = args;
  return await(asyncc_process_run(&opts, &status, term_signal));
}

static void test_stream_children_keep_the_default_sigpipe(void** state) {
  int term_signal = 0;
  (void)state;
  assert_int_equal(asyncc_run(child_sigpipe_main(&term_signal)), 0);
  assert_int_equal(term_signal, SIGPIPE);
  test_end_clean();
}

/* A wait for SIGPIPE itself: libuv sets SIGPIPE back to SIG_DFL when its
 * handle stops, so the runtime's SIG_IGN is put back, after a delivered
 * wait and after a cancelled one; a write to a closed peer then still
 * returns UV_EPIPE (it killed the process). */
static async int wait_sigpipe(void) {
  return await(asyncc_signal_wait(SIGPIPE));
}

static int sigpipe_ignored(void) {
  struct sigaction sa;
  return sigaction(SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN;
}

static async int sigpipe_wait_main(const char* name, int* ignored) {
  asyncc_stream_t s;
  int rc, read_rc, writes = 0;
  asyncc_tcp_init(&s); /* the runtime's SIG_IGN, if no test has set it */
  await(asyncc_stream_close(&s));
  asyncc_task_t* t = asyncc_spawn(wait_sigpipe());
  await(asyncc_yield()); /* t waits */
  raise(SIGPIPE);
  await(asyncc_task_join(t, &rc));
  ignored[0] = rc == 0 && sigpipe_ignored();
  t = asyncc_spawn(wait_sigpipe());
  await(asyncc_yield());
  asyncc_task_cancel(t);
  await(asyncc_task_join(t, &rc));
  ignored[1] = rc == UV_ECANCELED && sigpipe_ignored();
  return await(peer_left_main(name, 0, &read_rc, &writes, 1));
}

static void test_stream_a_wait_for_sigpipe_keeps_it_ignored(void** state) {
  char name[128];
  int ignored[2] = {0, 0};
  (void)state;
  make_dir();
  snprintf(name, sizeof name, "%s/peer.sock", dir);
  assert_int_equal(asyncc_run(sigpipe_wait_main(name, ignored)), UV_EPIPE);
  assert_int_equal(ignored[0], 1);
  assert_int_equal(ignored[1], 1);
  remove_dir("peer.sock");
  test_end_clean();
}

/* ---- the client of a pending accept ------------------------------------ */

static async int accept_into(asyncc_stream_t* server, asyncc_stream_t* conn) {
  return await(asyncc_stream_accept(server, conn));
}

/* Another task closes the client an accept waits to fill: the accept ends
 * with UV_ECANCELED at once, and the next connection waits for the next
 * accept (it was accepted into the closed handle, its fd leaked, and the
 * accept reported success). */
static async int close_accept_client_main(int* accept_rc, int* sockets) {
  asyncc_stream_t server, cli, conn, conn2;
  struct sockaddr_in addr;
  char buf[8];
  int rc = listen_tcp(&server, &addr);
  asyncc_tcp_init(&cli);
  asyncc_tcp_init(&conn);
  asyncc_tcp_init(&conn2);
  asyncc_task_t* t = asyncc_spawn(accept_into(&server, &conn));
  await(asyncc_yield()); /* t waits in its accept */
  await(asyncc_stream_close(&conn));
  if (rc == 0)
    rc = await(asyncc_tcp_connect(&cli, (const struct sockaddr*)&addr));
  await(asyncc_task_join(t, accept_rc));
  if (rc == 0 && *accept_rc == UV_ECANCELED) {
    rc = await(asyncc_stream_accept(&server, &conn2));
    if (rc == 0) rc = await(asyncc_stream_write(&cli, "x", 1));
    if (rc == 0) rc = (int)await(asyncc_stream_read(&conn2, buf, sizeof buf));
  }
  await(asyncc_stream_close(&cli));
  await(asyncc_stream_close(&conn2));
  await(asyncc_stream_close(&server));
  *sockets = test_socket_count();
  return rc;
}

static void test_stream_closing_the_client_of_a_pending_accept_ends_it(
    void** state) {
  int accept_rc = 0, sockets = -1, before = test_socket_count();
  (void)state;
  assert_int_equal(asyncc_run(close_accept_client_main(&accept_rc, &sockets)),
                   1);
  assert_int_equal(accept_rc, UV_ECANCELED);
  assert_int_equal(sockets, before);
  test_end_clean();
}

/* A second accept into a client that an accept is already filling is
 * refused at once (UV_EBUSY); it waited for a connection to drop. */
static async int two_accepts_main(int* first_rc, int* second_rc) {
  asyncc_stream_t server, cli, conn;
  struct sockaddr_in addr;
  int rc = listen_tcp(&server, &addr), second_done;
  asyncc_tcp_init(&cli);
  asyncc_tcp_init(&conn);
  asyncc_task_t* t = asyncc_spawn(accept_into(&server, &conn));
  await(asyncc_yield()); /* t waits in its accept */
  asyncc_task_t* t2 = asyncc_spawn(accept_into(&server, &conn));
  await(asyncc_yield()); /* t2 has run */
  second_done = asyncc_task_is_done(t2);
  asyncc_task_cancel(t2);
  await(asyncc_task_join(t2, second_rc));
  if (rc == 0)
    rc = await(asyncc_tcp_connect(&cli, (const struct sockaddr*)&addr));
  await(asyncc_task_join(t, first_rc));
  await(asyncc_stream_close(&cli));
  await(asyncc_stream_close(&conn));
  await(asyncc_stream_close(&server));
  return rc == 0 ? second_done : rc;
}

static void test_stream_second_accept_into_one_client_is_busy(void** state) {
  int first_rc = -1, second_rc = -1;
  (void)state;
  assert_int_equal(asyncc_run(two_accepts_main(&first_rc, &second_rc)), 1);
  assert_int_equal(second_rc, UV_EBUSY);
  assert_int_equal(first_rc, 0);
  test_end_clean();
}

/* ---- socket file names ------------------------------------------------- */

/* A name longer than a socket address holds is refused: libuv cut it to
 * fit and bound (and connected to) the shorter path, and left a socket
 * file there. */
static async int long_name_main(const char* name, int* bind_rc) {
  asyncc_stream_t server, cli;
  int rc;
  asyncc_pipe_init(&server, 0);
  asyncc_pipe_init(&cli, 0);
  *bind_rc = asyncc_pipe_bind(&server, name);
  rc = await(asyncc_pipe_connect(&cli, name));
  await(asyncc_stream_close(&cli));
  await(asyncc_stream_close(&server));
  return rc;
}

static void test_stream_socket_file_name_too_long_is_refused(void** state) {
  struct sockaddr_un sun;
  char name[sizeof sun.sun_path + 32];
  int bind_rc = 0;
  size_t n;
  (void)state;
  make_dir();
  n = (size_t)snprintf(name, sizeof name, "%s/", dir);
  memset(name + n, 'a', sizeof name - n - 1);
  name[sizeof name - 1] = '\0';
  assert_int_equal(asyncc_run(long_name_main(name, &bind_rc)), UV_ENAMETOOLONG);
  assert_int_equal(bind_rc, UV_ENAMETOOLONG);
  assert_int_equal(rmdir(dir), 0); /* empty: no socket file was made */
  test_end_clean();
}

/* ---- buffers over 4 GiB ------------------------------------------------ */

/* 4 GiB + 1 of address space that costs no memory: read-only zero pages
 * for a write, or a first page to read into and no access beyond. */
#define HUGE_LEN (((size_t)1 << 32) + 1)

static char* huge_map(int writable_page) {
  void* p = mmap(NULL, HUGE_LEN, writable_page ? PROT_NONE : PROT_READ,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  assert_true(p != MAP_FAILED);
  if (writable_page)
    assert_int_equal(mprotect(p, 4096, PROT_READ | PROT_WRITE), 0);
  return p;
}

static async int write_huge(asyncc_stream_t* s, const char* buf) {
  return await(asyncc_stream_write(s, buf, HUGE_LEN));
}

/* A write of more than 4 GiB (it was refused with UV_EINVAL) goes out:
 * what the kernel does not take at once waits in one uv_write of several
 * buffers, whose first bytes the peer reads; cancelling it then closes the
 * stream as for any write. A read into a buffer that large was refused
 * too; it reads what has come. */
static async int huge_main(const char* out, char* in, int* write_rc,
                           int* still_writing) {
  asyncc_stream_t server, cli, conn;
  char buf[64];
  int rc = await(connect_pair(&server, &cli, &conn, NULL));
  if (rc == 0) {
    asyncc_task_t* t = asyncc_spawn(write_huge(&cli, out));
    await(asyncc_yield()); /* t wrote what fits and waits */
    *still_writing = !asyncc_task_is_done(t);
    rc = -1;
    if (*still_writing)
      rc = (int)await(asyncc_stream_read(&conn, buf, sizeof buf));
    asyncc_task_cancel(t);
    await(asyncc_task_join(t, write_rc));
  }
  await(asyncc_stream_close(&cli)); /* closed by the cancellation */
  await(asyncc_stream_close(&conn));
  await(asyncc_stream_close(&server));
  if (rc != (int)sizeof buf) return -1;
  rc = await(connect_pair(&server, &cli, &conn, NULL));
  if (rc == 0) rc = await(asyncc_stream_write(&conn, "abc", 3));
  if (rc == 0) rc = (int)await(asyncc_stream_read(&cli, in, HUGE_LEN));
  await(asyncc_stream_close(&cli));
  await(asyncc_stream_close(&conn));
  await(asyncc_stream_close(&server));
  return rc;
}

static void test_stream_buffers_over_4_gib_are_not_refused(void** state) {
  char* out = huge_map(0);
  char* in = huge_map(1);
  int write_rc = 0, still_writing = 0;
  (void)state;
  assert_int_equal(asyncc_run(huge_main(out, in, &write_rc, &still_writing)),
                   3);
  assert_int_equal(still_writing, 1);
  assert_int_equal(write_rc, UV_ECANCELED);
  assert_memory_equal(in, "abc", 3);
  munmap(out, HUGE_LEN);
  munmap(in, HUGE_LEN);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stream_write_to_a_reset_tcp_peer_returns_epipe),
      cmocka_unit_test(test_stream_write_to_a_closed_tcp_peer_returns_epipe),
      cmocka_unit_test(test_stream_write_to_a_closed_pipe_peer_returns_epipe),
      cmocka_unit_test(test_stream_children_keep_the_default_sigpipe),
      cmocka_unit_test(test_stream_a_wait_for_sigpipe_keeps_it_ignored),
      cmocka_unit_test(
          test_stream_closing_the_client_of_a_pending_accept_ends_it),
      cmocka_unit_test(test_stream_second_accept_into_one_client_is_busy),
      cmocka_unit_test(test_stream_buffers_over_4_gib_are_not_refused),
      cmocka_unit_test(test_stream_socket_file_name_too_long_is_refused),
  };
  return cmocka_run_group_tests_name("transpiled_stream", tests, NULL, NULL);
}
