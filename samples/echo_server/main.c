/* main.c - echo_server: a TCP echo server, one task per connection, that
 * shuts down cleanly on SIGINT or SIGTERM.
 *
 *   sample_echo_server [PORT [LIFETIME_S]]
 *
 * Listens on 127.0.0.1:PORT (default 0: an ephemeral port) and prints
 * "listening on 127.0.0.1:<port>" once it accepts connections. Each
 * connection is served by its own task that echoes bytes until the client
 * closes. On SIGINT or SIGTERM (or after LIFETIME_S seconds, default
 * 3600, so a forgotten server does not run forever) it:
 *
 *   1. stops accepting: the accept loop is cancelled, the listener closed;
 *   2. gives open connections GRACE_MS to finish on their own;
 *   3. cancels the ones still open: each task's pending read returns
 *      UV_ECANCELED and the task closes its connection as usual;
 *   4. exits 0 once every handle is closed (checked with uv_loop_close).
 */
#include <asyncc.h>
#include <inttypes.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  BUF_SIZE = 16 * 1024,
  GRACE_MS = 500,
  BACKLOG = 128,
};

typedef struct {
  asyncc_task_t** tasks; /* connection tasks not yet joined */
  size_t n, cap;
  uint64_t accepted;
  uint64_t bytes; /* echoed, over all connections */
  uint64_t cancelled;
} server_t;

/* Echoes what 'client' sends until it closes (UV_EOF), an error, or the
 * task is cancelled; then closes and frees it. */
static async int serve(server_t* srv, asyncc_stream_t* client) {
  char buf[BUF_SIZE]; /* lives in the task's frame, not on a stack */
  ssize_t n;
  int rc = 0;
  while ((n = await(asyncc_stream_read(client, buf, sizeof buf))) > 0) {
    rc = await(asyncc_stream_write(client, buf, (size_t)n));
    if (rc < 0) break;
    srv->bytes += (uint64_t)n;
  }
  if (rc == 0 && n != UV_EOF) rc = (int)n;
  /* Closes even in a cancelled task (then reports UV_ECANCELED). */
  await(asyncc_stream_close(client));
  free(client);
  return rc;
}

/* Joins the connection tasks that have ended, so a long-running server
 * does not accumulate them. Joining an ended task returns at once. */
static async int reap(server_t* srv) {
  size_t kept = 0;
  for (size_t i = 0; i < srv->n; i++) {
    if (asyncc_task_is_done(srv->tasks[i])) {
      int result = 0;
      await(asyncc_task_join(srv->tasks[i], &result));
    } else {
      srv->tasks[kept++] = srv->tasks[i];
    }
  }
  srv->n = kept;
  return 0;
}

/* Accepts connections until cancelled; returns only on an error. */
static async int accept_loop(server_t* srv, asyncc_stream_t* listener) {
  for (;;) {
    asyncc_stream_t* client = malloc(sizeof *client);
    if (client == NULL) return UV_ENOMEM;
    int rc = asyncc_tcp_init(client);
    if (rc < 0) {
      free(client);
      return rc;
    }
    rc = await(asyncc_stream_accept(listener, client));
    if (rc == 0 && srv->n == srv->cap) {
      await(reap(srv));
      if (srv->n == srv->cap) {
        size_t cap = srv->cap ? srv->cap * 2 : 16;
        asyncc_task_t** t = realloc(srv->tasks, cap * sizeof *t);
        if (t == NULL) {
          rc = UV_ENOMEM;
        } else {
          srv->tasks = t;
          srv->cap = cap;
        }
      }
    }
    if (rc < 0) {
      /* Cancelled (shutdown) or a listener error: this connection is not
       * served, but its handle must still be closed. */
      await(asyncc_stream_close(client));
      free(client);
      return rc;
    }
    srv->accepted++;
    srv->tasks[srv->n++] = asyncc_spawn(serve(srv, client));
  }
}

static async int wait_signal(int signum) {
  return await(asyncc_signal_wait(signum));
}

static async int lifetime(uint64_t ms) { return await(asyncc_sleep(ms)); }

static async int gather_all(asyncc_task_t* const* tasks, size_t n) {
  return await(asyncc_gather(tasks, n));
}

static async int amain(int port, uint64_t lifetime_ms) {
  server_t srv;
  memset(&srv, 0, sizeof srv);
  asyncc_stream_t listener;
  struct sockaddr_in addr;
  int rc = uv_ip4_addr("127.0.0.1", port, &addr);
  if (rc == 0) rc = asyncc_tcp_init(&listener);
  if (rc < 0) {
    fprintf(stderr, "echo_server: %s\n", uv_strerror(rc));
    return 1;
  }
  rc = asyncc_tcp_bind(&listener, (const struct sockaddr*)&addr, 0);
  if (rc == 0) rc = asyncc_stream_listen(&listener, BACKLOG);
  struct sockaddr_storage name;
  int namelen = sizeof name;
  if (rc == 0)
    rc =
        uv_tcp_getsockname(&listener.uv.tcp, (struct sockaddr*)&name, &namelen);
  if (rc < 0) {
    fprintf(stderr, "echo_server: listen on 127.0.0.1:%d: %s\n", port,
            uv_strerror(rc));
    await(asyncc_stream_close(&listener));
    return 1;
  }

  /* Index order is the race's tie-break: a signal wins over the rest. */
  enum { SIGINT_T, SIGTERM_T, LIFETIME_T, ACCEPT_T, NTASKS };
  static const char* const why[NTASKS] = {"SIGINT", "SIGTERM", "lifetime",
                                          "accept error"};
  asyncc_task_t* t[NTASKS];
  t[SIGINT_T] = asyncc_spawn(wait_signal(SIGINT));
  t[SIGTERM_T] = asyncc_spawn(wait_signal(SIGTERM));
  t[LIFETIME_T] = asyncc_spawn(lifetime(lifetime_ms));
  t[ACCEPT_T] = asyncc_spawn(accept_loop(&srv, &listener));
  /* Tasks start in spawn order on the next loop turn, and this yield
   * resumes after them: the signal handlers are installed before the port
   * is announced, so a client that signals right away is handled. */
  await(asyncc_yield());
  printf("listening on 127.0.0.1:%d\n",
         ntohs(((struct sockaddr_in*)&name)->sin_port));
  fflush(stdout);

  int first = await(asyncc_race(t, NTASKS));
  int results[NTASKS] = {0, 0, 0, 0};
  if (first >= 0) await(asyncc_task_join(t[first], &results[first]));
  /* 1. Stop accepting; release the other signal handler and the timer. */
  for (int i = 0; i < NTASKS; i++) {
    if (i == first) continue;
    asyncc_task_cancel(t[i]);
    await(asyncc_task_join(t[i], &results[i]));
  }
  await(asyncc_stream_close(&listener));
  await(reap(&srv));
  printf("shutting down (%s): %zu connection(s) open\n",
         first >= 0 ? why[first] : uv_err_name(first), srv.n);
  if (first == ACCEPT_T)
    fprintf(stderr, "echo_server: accept: %s\n", uv_strerror(results[first]));

  /* 2. and 3. A grace period, then cancellation: a timeout cancels the
   * gather, which cancels every connection task and waits for them. */
  if (srv.n > 0) {
    asyncc_task_t* drain = asyncc_spawn(gather_all(srv.tasks, srv.n));
    int drc = await(asyncc_timeout(drain, GRACE_MS));
    await(asyncc_task_join(drain, NULL));
    if (drc == UV_ETIMEDOUT)
      printf("grace period over: open connections cancelled\n");
    for (size_t i = 0; i < srv.n; i++) {
      int result = 0;
      if (await(asyncc_task_join(srv.tasks[i], &result)) == UV_ECANCELED)
        srv.cancelled++;
    }
    srv.n = 0;
  }
  free(srv.tasks);

  printf("served %" PRIu64 " connection(s), echoed %" PRIu64
         " byte(s); %" PRIu64 " cancelled at shutdown\n",
         srv.accepted, srv.bytes, srv.cancelled);
  return first == ACCEPT_T ? 1 : 0;
}

int main(int argc, char** argv) {
  long port = 0, lifetime_s = 3600;
  char* end;
  if (argc > 3) {
    fprintf(stderr, "usage: %s [PORT [LIFETIME_S]]\n", argv[0]);
    return 2;
  }
  if (argc > 1) {
    port = strtol(argv[1], &end, 10);
    if (*end != '\0' || port < 0 || port > 65535) {
      fprintf(stderr, "echo_server: bad port '%s'\n", argv[1]);
      return 2;
    }
  }
  if (argc > 2) {
    lifetime_s = strtol(argv[2], &end, 10);
    if (*end != '\0' || lifetime_s <= 0) {
      fprintf(stderr, "echo_server: bad lifetime '%s'\n", argv[2]);
      return 2;
    }
  }
  int rc = asyncc_run(amain((int)port, (uint64_t)lifetime_s * 1000));
  /* Every handle (listener, connections, signal handles, timers) must be
   * closed by now: uv_loop_close fails with UV_EBUSY otherwise. */
  int lrc = uv_loop_close(uv_default_loop());
  if (lrc != 0) {
    fprintf(stderr, "echo_server: handles left open: %s\n", uv_strerror(lrc));
    uv_print_all_handles(uv_default_loop(), stderr);
    return 1;
  }
  return rc;
}
