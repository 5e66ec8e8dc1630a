/* test_stream.c - TCP and pipe streams on real sockets (127.0.0.1 and a
 * socket file in a temporary directory): accept/connect, read/write,
 * shutdown, close, large transfers, errors and cancellation.
 */
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include "test_util.h"

#define STEP(start, take_fn) (*take = (take_fn), (start))

static int read_take(asyncc_frame_t* f) {
  return (int)asyncc__asyncc_stream_read_take(f);
}

#define READ(s, b, n) STEP(asyncc__asyncc_stream_read_start(s, b, n), read_take)
#define WRITE(s, b, n)                             \
  STEP(asyncc__asyncc_stream_write_start(s, b, n), \
       asyncc__asyncc_stream_write_take)
#define CLOSE(s) \
  STEP(asyncc__asyncc_stream_close_start(s), asyncc__asyncc_stream_close_take)
#define ACCEPT(srv, cli)                             \
  STEP(asyncc__asyncc_stream_accept_start(srv, cli), \
       asyncc__asyncc_stream_accept_take)
#define CONNECT(s, addr)                                                  \
  STEP(asyncc__asyncc_tcp_connect_start(s, (const struct sockaddr*)addr), \
       asyncc__asyncc_tcp_connect_take)
#define SHUTDOWN(s)                             \
  STEP(asyncc__asyncc_stream_shutdown_start(s), \
       asyncc__asyncc_stream_shutdown_take)

typedef struct {
  asyncc_stream_t server;
  asyncc_stream_t conn; /* the server's side of the connection */
  asyncc_stream_t cli;  /* the client's side */
  asyncc_stream_t conn2;
  asyncc_stream_t cli2;
  struct sockaddr_in addr;
  char pipe_name[300];
  int use_pipe;
  asyncc_task_t* t[4];
  int rc[32];
  int phase;  /* the server task's */
  int cphase; /* the client task's */
  int n;
  char buf[65536];
  char rbuf[256];
  size_t rlen;
  char* big;
  size_t big_len;
  size_t got;
} ctx_t;

static char dir[256];

static int setup(void** state) {
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/asyncc_test_stream_XXXXXX");
  return mkdtemp(dir) == NULL ? -1 : 0;
}

static int teardown(void** state) {
  (void)state;
  return rmdir(dir);
}

/* Listens on 127.0.0.1 with an ephemeral port (or on the pipe name). */
static void listen_on(ctx_t* c) {
  if (c->use_pipe) {
    assert_int_equal(asyncc_pipe_init(&c->server, 0), 0);
    assert_int_equal(asyncc_pipe_bind(&c->server, c->pipe_name), 0);
  } else {
    int len = sizeof c->addr;
    assert_int_equal(asyncc_tcp_init(&c->server), 0);
    assert_int_equal(uv_ip4_addr("127.0.0.1", 0, &c->addr), 0);
    assert_int_equal(
        asyncc_tcp_bind(&c->server, (const struct sockaddr*)&c->addr, 0), 0);
    assert_int_equal(
        uv_tcp_getsockname(&c->server.uv.tcp, (struct sockaddr*)&c->addr, &len),
        0);
  }
  assert_int_equal(asyncc_stream_listen(&c->server, 16), 0);
}

static void init_like_server(ctx_t* c, asyncc_stream_t* s) {
  if (c->use_pipe)
    assert_int_equal(asyncc_pipe_init(s, 0), 0);
  else
    assert_int_equal(asyncc_tcp_init(s), 0);
}

static asyncc_frame_t* connect_step(ctx_t* c, script_take_fn* take) {
  if (c->use_pipe)
    return STEP(asyncc__asyncc_pipe_connect_start(&c->cli, c->pipe_name),
                asyncc__asyncc_pipe_connect_take);
  return CONNECT(&c->cli, &c->addr);
}

/* ---- echo ------------------------------------------------------------------
 */

/* Server: accept one connection, echo until EOF, close both. */
static asyncc_frame_t* echo_server(void* p, int step, int last,
                                   script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    init_like_server(c, &c->conn);
    c->phase = 0;
    return ACCEPT(&c->server, &c->conn);
  }
  switch (c->phase) {
    case 0: /* accepted */
      c->rc[0] = last;
      c->phase = 1;
      return READ(&c->conn, c->buf, sizeof c->buf);
    case 1: /* read */
      if (last < 0) {
        c->rc[1] = last;
        c->phase = 3;
        return CLOSE(&c->conn);
      }
      c->n = last;
      c->phase = 2;
      return WRITE(&c->conn, c->buf, (size_t)c->n);
    case 2: /* wrote */
      if (last < 0) c->rc[2] = last;
      c->phase = 1;
      return READ(&c->conn, c->buf, sizeof c->buf);
    case 3:
      c->rc[3] = last;
      c->phase = 4;
      return CLOSE(&c->server);
    default:
      c->rc[4] = last;
      return NULL;
  }
}

/* Client: connect, send "hello", shut down, read the echo to EOF. */
static asyncc_frame_t* echo_client(void* p, int step, int last,
                                   script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      init_like_server(c, &c->cli);
      return connect_step(c, take);
    case 1:
      c->rc[10] = last;
      return WRITE(&c->cli, "hello", 5);
    case 2:
      c->rc[11] = last;
      return SHUTDOWN(&c->cli);
    case 3:
      c->rc[12] = last;
      return READ(&c->cli, c->rbuf, sizeof c->rbuf - 1);
    default:
      if (c->cphase == 9) { /* closed */
        c->rc[14] = last;
        return NULL;
      }
      if (last > 0) {
        c->rlen += (size_t)last;
        return READ(&c->cli, c->rbuf + c->rlen, sizeof c->rbuf - 1 - c->rlen);
      }
      c->rc[13] = last;
      c->cphase = 9;
      return CLOSE(&c->cli);
  }
}

static asyncc_frame_t* echo_main(void* p, int step, int last,
                                 script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      listen_on(c);
      c->t[0] = asyncc__spawn(script_start(echo_server, c), script_take_into);
      c->t[1] = asyncc__spawn(script_start(echo_client, c), script_take_into);
      return SCRIPT_JOIN(c->t[0], NULL);
    case 1:
      c->rc[20] = last;
      return SCRIPT_JOIN(c->t[1], NULL);
    default:
      c->rc[21] = last;
      return NULL;
  }
}

static void check_echo(ctx_t* c) {
  assert_int_equal(c->rc[0], 0); /* accept */
  assert_int_equal(c->rc[1], UV_EOF);
  assert_int_equal(c->rc[2], 0);  /* no write error */
  assert_int_equal(c->rc[3], 0);  /* close conn */
  assert_int_equal(c->rc[4], 0);  /* close server */
  assert_int_equal(c->rc[10], 0); /* connect */
  assert_int_equal(c->rc[11], 0); /* write */
  assert_int_equal(c->rc[12], 0); /* shutdown */
  assert_int_equal(c->rc[13], UV_EOF);
  assert_int_equal(c->rc[14], 0); /* close */
  assert_int_equal(c->rlen, 5);
  assert_memory_equal(c->rbuf, "hello", 5);
  assert_int_equal(c->rc[20], 0);
  assert_int_equal(c->rc[21], 0);
}

static void test_stream_tcp_echo(void** state) {
  static ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(echo_main, &c)));
  check_echo(&c);
  test_end_clean();
}

static void test_stream_pipe_echo(void** state) {
  static ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  c.use_pipe = 1;
  snprintf(c.pipe_name, sizeof c.pipe_name, "%s/echo.sock", dir);
  script_take(asyncc__run(script_start(echo_main, &c)));
  check_echo(&c);
  unlink(c.pipe_name);
  test_end_clean();
}

/* ---- a large transfer ------------------------------------------------------
 */

#define BIG (8u << 20)

/* Server: count bytes to EOF, then send the count back. */
static asyncc_frame_t* count_server(void* p, int step, int last,
                                    script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    init_like_server(c, &c->conn);
    return ACCEPT(&c->server, &c->conn);
  }
  if (c->phase == 0) {
    if (step == 1) {
      c->rc[0] = last;
    } else if (last > 0) {
      size_t i;
      for (i = 0; i < (size_t)last; i++)
        if (c->buf[i] != (char)((c->got + i) % 251)) c->rc[5]++;
      c->got += (size_t)last;
    } else {
      c->rc[1] = last;
      c->phase = 1;
      snprintf(c->rbuf, sizeof c->rbuf, "%zu", c->got);
      return WRITE(&c->conn, c->rbuf, strlen(c->rbuf));
    }
    return READ(&c->conn, c->buf, sizeof c->buf);
  }
  if (c->phase == 1) {
    c->rc[2] = last;
    c->phase = 2;
    return CLOSE(&c->conn);
  }
  if (c->phase == 2) {
    c->phase = 3;
    return CLOSE(&c->server);
  }
  return NULL;
}

static asyncc_frame_t* big_client(void* p, int step, int last,
                                  script_take_fn* take) {
  ctx_t* c = p;
  static char answer[64];
  switch (step) {
    case 0:
      assert_int_equal(asyncc_tcp_init(&c->cli), 0);
      return CONNECT(&c->cli, &c->addr);
    case 1:
      c->rc[10] = last;
      return WRITE(&c->cli, c->big, c->big_len);
    case 2:
      c->rc[11] = last;
      return SHUTDOWN(&c->cli);
    case 3:
      c->rc[12] = last;
      memset(answer, 0, sizeof answer);
      return READ(&c->cli, answer, sizeof answer - 1);
    case 4:
      c->rc[13] = last;
      c->rc[14] = (int)(strtoul(answer, NULL, 10) == BIG);
      return CLOSE(&c->cli);
    default:
      return NULL;
  }
}

static asyncc_frame_t* big_main(void* p, int step, int last,
                                script_take_fn* take) {
  ctx_t* c = p;
  (void)last;
  switch (step) {
    case 0:
      listen_on(c);
      c->t[0] = asyncc__spawn(script_start(count_server, c), script_take_into);
      c->t[1] = asyncc__spawn(script_start(big_client, c), script_take_into);
      return SCRIPT_JOIN(c->t[0], NULL);
    case 1:
      return SCRIPT_JOIN(c->t[1], NULL);
    default:
      return NULL;
  }
}

static void test_stream_large_transfer(void** state) {
  static ctx_t c;
  size_t i;
  (void)state;
  memset(&c, 0, sizeof c);
  c.big_len = BIG;
  c.big = malloc(BIG);
  for (i = 0; i < BIG; i++) c.big[i] = (char)(i % 251);
  script_take(asyncc__run(script_start(big_main, &c)));
  free(c.big);
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], UV_EOF);
  assert_int_equal(c.got, BIG);
  assert_int_equal(c.rc[5], 0); /* every byte in order */
  assert_int_equal(c.rc[10], 0);
  assert_int_equal(c.rc[11], 0);
  assert_int_equal(c.rc[12], 0);
  assert_true(c.rc[13] > 0);
  assert_int_equal(c.rc[14], 1);
  test_end_clean();
}

/* ---- errors ----------------------------------------------------------------
 */

static asyncc_frame_t* refused_script(void* p, int step, int last,
                                      script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0: {
      /* A port nobody listens on: bind one, note it, close it. */
      int len = sizeof c->addr;
      assert_int_equal(asyncc_tcp_init(&c->server), 0);
      assert_int_equal(uv_ip4_addr("127.0.0.1", 0, &c->addr), 0);
      assert_int_equal(
          asyncc_tcp_bind(&c->server, (const struct sockaddr*)&c->addr, 0), 0);
      assert_int_equal(uv_tcp_getsockname(&c->server.uv.tcp,
                                          (struct sockaddr*)&c->addr, &len),
                       0);
      return CLOSE(&c->server);
    }
    case 1:
      assert_int_equal(asyncc_tcp_init(&c->cli), 0);
      return CONNECT(&c->cli, &c->addr);
    case 2:
      c->rc[0] = last;
      return READ(&c->cli, c->buf, 16); /* not connected */
    case 3:
      c->rc[1] = last;
      return CLOSE(&c->cli);
    case 4:
      c->rc[2] = last;
      return CLOSE(&c->cli); /* closed already: fine */
    case 5:
      c->rc[3] = last;
      return READ(&c->cli, c->buf, 16); /* closed */
    case 6:
      c->rc[4] = last;
      return WRITE(&c->cli, "x", 1);
    case 7:
      c->rc[5] = last;
      memset(&c->conn, 0, sizeof c->conn); /* never initialized */
      return CLOSE(&c->conn);
    case 8:
      c->rc[6] = last;
      return ACCEPT(&c->cli, &c->conn);
    case 9:
      c->rc[7] = last;
      return CONNECT(&c->cli, NULL);
    default:
      c->rc[8] = last;
      return NULL;
  }
}

static void test_stream_errors(void** state) {
  static ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_tcp_init(NULL), UV_EINVAL);
  assert_int_equal(asyncc_pipe_init(NULL, 0), UV_EINVAL);
  assert_int_equal(asyncc_stream_listen(NULL, 1), UV_EINVAL);
  assert_int_equal(asyncc_tcp_bind(NULL, NULL, 0), UV_EINVAL);
  assert_int_equal(asyncc_pipe_bind(NULL, "x"), UV_EINVAL);
  script_take(asyncc__run(script_start(refused_script, &c)));
  assert_int_equal(c.rc[0], UV_ECONNREFUSED);
  assert_true(c.rc[1] < 0); /* libuv reports UV_EOF here */
  assert_int_equal(c.rc[2], 0);
  assert_int_equal(c.rc[3], 0);
  assert_int_equal(c.rc[4], UV_EINVAL);
  assert_int_equal(c.rc[5], UV_EINVAL);
  assert_int_equal(c.rc[6], UV_EINVAL);
  assert_int_equal(c.rc[7], UV_EINVAL);
  assert_int_equal(c.rc[8], UV_EINVAL);
  test_end_clean();
}

/* Misuse on a live listener and connection: listen twice, the wrong bind,
 * accept on a non-listener, two reads at once. */
static asyncc_frame_t* reader_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) return READ(&c->cli, c->rbuf, sizeof c->rbuf);
  c->rc[15] = last;
  return NULL;
}

static asyncc_frame_t* misuse_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      listen_on(c);
      c->rc[0] = asyncc_stream_listen(&c->server, 4);
      c->rc[1] = asyncc_pipe_bind(&c->server, "x");
      assert_int_equal(asyncc_tcp_init(&c->cli), 0);
      return CONNECT(&c->cli, &c->addr);
    case 1:
      c->rc[2] = last;
      init_like_server(c, &c->conn);
      return ACCEPT(&c->server, &c->conn);
    case 2:
      c->rc[3] = last;
      return ACCEPT(&c->conn, &c->cli); /* not listening */
    case 3:
      c->rc[4] = last;
      c->t[0] = asyncc__spawn(script_start(reader_script, c), script_take_into);
      return SCRIPT_YIELD();
    case 4:
      return READ(&c->cli, c->buf, 4); /* the other read is pending */
    case 5:
      c->rc[5] = last;
      return WRITE(&c->conn, "ping", 4);
    case 6:
      return SCRIPT_JOIN(c->t[0], NULL);
    case 7:
      return CLOSE(&c->cli);
    case 8:
      return CLOSE(&c->conn);
    case 9:
      return CLOSE(&c->server);
    default:
      return NULL;
  }
}

static void test_stream_misuse(void** state) {
  static ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(misuse_script, &c)));
  assert_int_equal(c.rc[0], UV_EINVAL);
  assert_int_equal(c.rc[1], UV_EINVAL);
  assert_int_equal(c.rc[2], 0);
  assert_int_equal(c.rc[3], 0);
  assert_int_equal(c.rc[4], UV_EINVAL);
  assert_int_equal(c.rc[5], UV_EBUSY);
  assert_int_equal(c.rc[15], 4);
  assert_memory_equal(c.rbuf, "ping", 4);
  test_end_clean();
}

/* ---- cancellation and close ------------------------------------------------
 */

static asyncc_frame_t* accept_forever(void* p, int step, int last,
                                      script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) {
    init_like_server(c, &c->conn);
    return ACCEPT(&c->server, &c->conn);
  }
  if (step == 1) {
    c->rc[0] = last;
    return CLOSE(&c->conn); /* still closes: reports UV_ECANCELED */
  }
  c->rc[1] = last;
  return NULL;
}

/* Writes c->big to conn2 (whose peer never reads), then closes it. */
static asyncc_frame_t* writer_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      return WRITE(&c->conn2, c->big, c->big_len);
    case 1:
      c->rc[16] = last;
      return CLOSE(&c->conn2);
    default:
      c->rc[17] = last;
      return NULL;
  }
}

/* Cancel a pending accept, a pending read (the stream stays usable) and a
 * blocked write (the stream is closed); close wakes a pending read. */
static asyncc_frame_t* cancel_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      listen_on(c);
      c->t[0] =
          asyncc__spawn(script_start(accept_forever, c), script_take_into);
      return SCRIPT_SLEEP(5);
    case 1:
      asyncc_task_cancel(c->t[0]);
      return SCRIPT_JOIN(c->t[0], NULL);
    case 2:
      c->rc[2] = last;
      assert_int_equal(asyncc_tcp_init(&c->cli), 0);
      return CONNECT(&c->cli, &c->addr);
    case 3:
      c->rc[3] = last;
      assert_int_equal(asyncc_tcp_init(&c->conn), 0);
      return ACCEPT(&c->server, &c->conn);
    case 4:
      c->rc[4] = last;
      c->t[1] = asyncc__spawn(script_start(reader_script, c), script_take_into);
      return SCRIPT_SLEEP(5);
    case 5:
      asyncc_task_cancel(c->t[1]);
      return SCRIPT_JOIN(c->t[1], NULL);
    case 6:
      c->rc[5] = c->rc[15];
      return WRITE(&c->conn, "pong", 4);
    case 7:
      return READ(&c->cli, c->buf, 16); /* still usable */
    case 8:
      c->rc[6] = last;
      c->t[2] = asyncc__spawn(script_start(reader_script, c), script_take_into);
      return SCRIPT_YIELD();
    case 9:
      return CLOSE(&c->cli); /* ends the pending read */
    case 10:
      c->rc[7] = last;
      return SCRIPT_JOIN(c->t[2], NULL);
    case 11:
      c->rc[8] = c->rc[15];
      assert_int_equal(asyncc_tcp_init(&c->cli2), 0);
      return CONNECT(&c->cli2, &c->addr);
    case 12:
      assert_int_equal(asyncc_tcp_init(&c->conn2), 0);
      return ACCEPT(&c->server, &c->conn2);
    case 13:
      c->rc[9] = last;
      c->big_len = 64u << 20; /* more than the socket buffers hold */
      c->big = calloc(1, c->big_len);
      c->t[3] = asyncc__spawn(script_start(writer_script, c), script_take_into);
      return SCRIPT_SLEEP(20);
    case 14:
      c->rc[10] = asyncc_task_is_done(c->t[3]);
      asyncc_task_cancel(c->t[3]);
      return SCRIPT_JOIN(c->t[3], NULL);
    case 15:
      c->rc[11] = last;
      free(c->big);
      return CLOSE(&c->cli2);
    case 16:
      return CLOSE(&c->conn);
    case 17:
      return CLOSE(&c->server);
    default:
      return NULL;
  }
}

static void test_stream_cancel(void** state) {
  static ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(cancel_script, &c)));
  assert_int_equal(c.rc[0], UV_ECANCELED); /* the accept */
  assert_int_equal(c.rc[1], UV_ECANCELED); /* its close, which closed */
  assert_int_equal(c.rc[2], UV_ECANCELED); /* the accepting task */
  assert_int_equal(c.rc[3], 0);
  assert_int_equal(c.rc[4], 0);
  assert_int_equal(c.rc[5], UV_ECANCELED); /* the read */
  assert_int_equal(c.rc[6], 4);            /* the next read got "pong" */
  assert_memory_equal(c.buf, "pong", 4);
  assert_int_equal(c.rc[7], 0);            /* close */
  assert_int_equal(c.rc[8], UV_ECANCELED); /* the read it ended */
  assert_int_equal(c.rc[9], 0);
  assert_int_equal(c.rc[10], 0); /* the write was blocked */
  assert_int_equal(c.rc[16], UV_ECANCELED);
  assert_int_equal(c.rc[17], UV_ECANCELED); /* closed in a cancelled task */
  assert_int_equal(c.rc[11], UV_ECANCELED);
  test_end_clean();
}

/* Connecting a pipe to a name nobody listens on; binding it twice. */
static asyncc_frame_t* pipe_errors_script(void* p, int step, int last,
                                          script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      assert_int_equal(asyncc_pipe_init(&c->cli, 0), 0);
      return STEP(asyncc__asyncc_pipe_connect_start(&c->cli, c->pipe_name),
                  asyncc__asyncc_pipe_connect_take);
    case 1:
      c->rc[0] = last;
      c->rc[1] = asyncc_tcp_bind(&c->cli, (const struct sockaddr*)&c->addr, 0);
      return STEP(asyncc__asyncc_pipe_connect_start(&c->cli, NULL),
                  asyncc__asyncc_pipe_connect_take);
    case 2:
      c->rc[2] = last;
      return CLOSE(&c->cli);
    default:
      return NULL;
  }
}

static void test_stream_pipe_errors(void** state) {
  static ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  snprintf(c.pipe_name, sizeof c.pipe_name, "%s/nobody.sock", dir);
  script_take(asyncc__run(script_start(pipe_errors_script, &c)));
  assert_int_equal(c.rc[0], UV_ENOENT);
  assert_int_equal(c.rc[1], UV_EINVAL); /* a TCP bind on a pipe */
  assert_int_equal(c.rc[2], UV_EINVAL);
  test_end_clean();
}

/* Data and the end of the stream arriving while no read waits are kept
 * for the next read (reading stops lazily, leaving them in the kernel). */
static asyncc_frame_t* between_reads_script(void* p, int step, int last,
                                            script_take_fn* take) {
  ctx_t* c = p;
  if (step > 0) c->rc[step - 1] = last;
  switch (step) {
    case 0:
      listen_on(c);
      assert_int_equal(asyncc_tcp_init(&c->cli), 0);
      return CONNECT(&c->cli, &c->addr);
    case 1:
      assert_int_equal(asyncc_tcp_init(&c->conn), 0);
      return ACCEPT(&c->server, &c->conn);
    case 2:
      return WRITE(&c->conn, "a", 1);
    case 3:
      return READ(&c->cli, c->buf, sizeof c->buf);
    case 4:
      return WRITE(&c->conn, "bc", 2);
    case 5:
      return SCRIPT_SLEEP(20); /* "bc" arrives; nobody reads */
    case 6:
      return READ(&c->cli, c->buf + 1, sizeof c->buf - 1);
    case 7:
      return SHUTDOWN(&c->conn);
    case 8:
      return SCRIPT_SLEEP(20); /* the end arrives; nobody reads */
    case 9:
      return READ(&c->cli, c->buf + 3, sizeof c->buf - 3);
    case 10:
      return READ(&c->cli, c->buf + 3, sizeof c->buf - 3); /* EOF again */
    case 11:
      return CLOSE(&c->cli);
    case 12:
      return CLOSE(&c->conn);
    case 13:
      return CLOSE(&c->server);
    default:
      return NULL;
  }
}

static void test_stream_data_between_reads(void** state) {
  static ctx_t c;
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(between_reads_script, &c)));
  assert_int_equal(c.rc[3], 1);
  assert_int_equal(c.rc[6], 2);
  assert_memory_equal(c.buf, "abc", 3);
  assert_int_equal(c.rc[9], UV_EOF);
  assert_int_equal(c.rc[10], UV_EOF);
  for (i = 11; i <= 13; i++) assert_int_equal(c.rc[i], 0);
  test_end_clean();
}

/* ---- cancelling a TCP connect and a shutdown in flight ------------------ */

/* A listening socket on 127.0.0.1 whose accept queue is full (nobody
 * accepts): the kernel drops further SYNs, so a connect to it stays in
 * flight (the client retransmits after a second). Returns the listener;
 * the connected fillers go to fillers[0..*nfill). */
static int full_listener(struct sockaddr_in* addr, int* fillers, int* nfill) {
  socklen_t len = sizeof *addr;
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  int i;
  assert_true(lfd >= 0);
  memset(addr, 0, sizeof *addr);
  addr->sin_family = AF_INET;
  addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(bind(lfd, (struct sockaddr*)addr, sizeof *addr), 0);
  assert_int_equal(listen(lfd, 0), 0);
  assert_int_equal(getsockname(lfd, (struct sockaddr*)addr, &len), 0);
  *nfill = 0;
  for (i = 0; i < 8; i++) {
    struct pollfd pfd;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int rc = connect(fd, (struct sockaddr*)addr, sizeof *addr);
    int err = 0;
    socklen_t elen = sizeof err;
    if (rc != 0) assert_int_equal(errno, EINPROGRESS);
    pfd.fd = fd;
    pfd.events = POLLOUT;
    if (rc != 0 && poll(&pfd, 1, 200) == 0) {
      close(fd); /* this one hangs: the queue is full */
      return lfd;
    }
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen);
    assert_int_equal(err, 0);
    fillers[(*nfill)++] = fd;
  }
  fail_msg("the accept queue never filled up");
  return -1;
}

typedef struct {
  struct sockaddr_in addr;
  asyncc_stream_t cli;
  asyncc_task_t* t;
  int connect_rc;
  int join_rc;
  int done_before_cancel;
  long handles_during;
  long handles_after;
  int close_rc;
} connect_ctx_t;

static asyncc_frame_t* connector(void* p, int step, int last,
                                 script_take_fn* take) {
  connect_ctx_t* c = p;
  if (step == 0) return CONNECT(&c->cli, &c->addr);
  c->connect_rc = last;
  return NULL;
}

static asyncc_frame_t* connect_cancel_script(void* p, int step, int last,
                                             script_take_fn* take) {
  connect_ctx_t* c = p;
  switch (step) {
    case 0:
      assert_int_equal(asyncc_tcp_init(&c->cli), 0);
      c->connect_rc = 1;
      c->t = asyncc__spawn(script_start(connector, c), script_take_into);
      return SCRIPT_SLEEP(50);
    case 1:
      c->done_before_cancel = asyncc_task_is_done(c->t);
      c->handles_during = asyncc__handle_live_count();
      assert_int_equal(asyncc_task_cancel(c->t), 0);
      return SCRIPT_JOIN(c->t, NULL);
    case 2:
      c->join_rc = last;
      return CLOSE(&c->cli); /* already closed by the cancellation */
    default:
      c->close_rc = last;
      c->handles_after = asyncc__handle_live_count();
      return NULL;
  }
}

static void test_stream_cancel_tcp_connect(void** state) {
  static connect_ctx_t c;
  int fillers[8];
  int nfill;
  int lfd;
  int i;
  uint64_t t0;
  (void)state;
  memset(&c, 0, sizeof c);
  lfd = full_listener(&c.addr, fillers, &nfill);
  t0 = uv_hrtime();
  script_take(asyncc__run(script_start(connect_cancel_script, &c)));
  assert_true((uv_hrtime() - t0) / 1000000 < 900); /* not a SYN retry */
  assert_false(c.done_before_cancel);
  /* the runner's idle and timer, and the client's stream */
  assert_int_equal(c.handles_during, 3);
  assert_int_equal(c.connect_rc, UV_ECANCELED);
  assert_int_equal(c.join_rc, UV_ECANCELED);
  assert_int_equal(c.close_rc, 0);
  assert_int_equal(c.handles_after, 2); /* the runner's own, until run ends */
  for (i = 0; i < nfill; i++) close(fillers[i]);
  close(lfd);
  test_end_clean();
}

/* A shutdown queued behind a write the peer never reads is in flight
 * until cancelled; cancelling it closes the stream, which ends the write
 * too. */
static asyncc_frame_t* big_writer(void* p, int step, int last,
                                  script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) return WRITE(&c->cli, c->big, c->big_len);
  c->rc[20] = last;
  return NULL;
}

static asyncc_frame_t* shutdowner(void* p, int step, int last,
                                  script_take_fn* take) {
  ctx_t* c = p;
  if (step == 0) return SHUTDOWN(&c->cli);
  c->rc[21] = last;
  return NULL;
}

static asyncc_frame_t* shutdown_cancel_script(void* p, int step, int last,
                                              script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      listen_on(c);
      assert_int_equal(asyncc_tcp_init(&c->cli), 0);
      return CONNECT(&c->cli, &c->addr);
    case 1:
      c->rc[0] = last;
      assert_int_equal(asyncc_tcp_init(&c->conn), 0);
      return ACCEPT(&c->server, &c->conn);
    case 2:
      c->rc[1] = last;
      c->big_len = 64u << 20; /* more than the socket buffers hold */
      c->big = calloc(1, c->big_len);
      c->rc[20] = c->rc[21] = 1;
      c->t[0] = asyncc__spawn(script_start(big_writer, c), script_take_into);
      c->t[1] = asyncc__spawn(script_start(shutdowner, c), script_take_into);
      return SCRIPT_SLEEP(30);
    case 3:
      c->rc[2] = asyncc_task_is_done(c->t[1]);
      c->rc[3] = (int)asyncc__fd_live_count();
      assert_int_equal(asyncc_task_cancel(c->t[1]), 0);
      return SCRIPT_JOIN(c->t[1], NULL);
    case 4:
      c->rc[4] = last;
      return SCRIPT_JOIN(c->t[0], NULL);
    case 5:
      c->rc[5] = last;
      c->rc[6] = (int)asyncc__fd_live_count();
      free(c->big);
      return CLOSE(&c->conn);
    case 6:
      return CLOSE(&c->server);
    default:
      c->rc[7] = (int)asyncc__fd_live_count();
      return NULL;
  }
}

static void test_stream_cancel_shutdown(void** state) {
  static ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  script_take(asyncc__run(script_start(shutdown_cancel_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.rc[2], 0); /* in flight when cancelled */
  assert_int_equal(c.rc[3], 3); /* server, client, accepted connection */
  assert_int_equal(c.rc[21], UV_ECANCELED);
  assert_int_equal(c.rc[4], UV_ECANCELED);
  assert_int_equal(c.rc[20], UV_ECANCELED); /* the write ended by the close */
  assert_int_equal(c.rc[5], 0);             /* that task was not cancelled */
  assert_int_equal(c.rc[6], 2);             /* the client is closed */
  assert_int_equal(c.rc[7], 0);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stream_tcp_echo),
      cmocka_unit_test(test_stream_pipe_echo),
      cmocka_unit_test(test_stream_large_transfer),
      cmocka_unit_test(test_stream_data_between_reads),
      cmocka_unit_test(test_stream_pipe_errors),
      cmocka_unit_test(test_stream_errors),
      cmocka_unit_test(test_stream_misuse),
      cmocka_unit_test(test_stream_cancel),
      cmocka_unit_test(test_stream_cancel_tcp_connect),
      cmocka_unit_test(test_stream_cancel_shutdown),
  };
  return cmocka_run_group_tests_name("stream", tests, setup, teardown);
}
