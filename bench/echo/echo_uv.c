/* bench/echo/echo_uv.c - measurement 4, the hand-written baseline: a libuv
 * callback TCP echo server.
 *
 * What a careful libuv programmer writes: one read buffer per connection,
 * the echo sent with uv_try_write and only what the kernel did not take
 * copied into a uv_write request. Exits on SIGTERM/SIGINT.
 *
 *   echo_uv PORT      listens on 127.0.0.1:PORT
 */
#include <string.h>
#include <uv.h>

#include "bench.h"

typedef struct {
  uv_tcp_t tcp;
  char buf[65536];
} conn_t;

typedef struct {
  uv_write_t req;
  uv_buf_t buf;
  char data[];
} wreq_t;

static uv_tcp_t server;
static uv_signal_t sigterm, sigint;

static void on_close(uv_handle_t* h) { free(h->data); }

static void on_alloc(uv_handle_t* h, size_t hint, uv_buf_t* buf) {
  conn_t* c = h->data;
  (void)hint;
  *buf = uv_buf_init(c->buf, sizeof c->buf);
}

static void on_write(uv_write_t* req, int status) {
  (void)status;
  free(req);
}

static void on_read(uv_stream_t* s, ssize_t nread, const uv_buf_t* buf) {
  if (nread < 0) {
    uv_close((uv_handle_t*)s, on_close);
    return;
  }
  if (nread == 0) return;
  uv_buf_t b = uv_buf_init(buf->base, (unsigned)nread);
  int r = uv_try_write(s, &b, 1);
  if (r == nread) return;
  if (r < 0 && r != UV_EAGAIN) {
    uv_close((uv_handle_t*)s, on_close);
    return;
  }
  if (r < 0) r = 0;
  size_t rest = (size_t)nread - (size_t)r;
  wreq_t* w = malloc(sizeof *w + rest);
  if (!w) abort();
  memcpy(w->data, buf->base + r, rest);
  w->buf = uv_buf_init(w->data, (unsigned)rest);
  uv_write(&w->req, s, &w->buf, 1, on_write);
}

static void on_connection(uv_stream_t* srv, int status) {
  if (status < 0) return;
  conn_t* c = malloc(sizeof *c);
  if (!c) abort();
  uv_tcp_init(srv->loop, &c->tcp);
  c->tcp.data = c;
  if (uv_accept(srv, (uv_stream_t*)&c->tcp) < 0) {
    uv_close((uv_handle_t*)&c->tcp, on_close);
    return;
  }
  uv_tcp_nodelay(&c->tcp, 1);
  uv_read_start((uv_stream_t*)&c->tcp, on_alloc, on_read);
}

static void close_walk(uv_handle_t* h, void* arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, h->data == NULL ? NULL : on_close);
}

static void on_signal(uv_signal_t* sig, int signum) {
  (void)signum;
  uv_walk(sig->loop, close_walk, NULL);
}

int main(int argc, char** argv) {
  int port = (int)bench_arg(argc, argv, 1, 7000);
  uv_loop_t* loop = uv_default_loop();
  struct sockaddr_in addr;
  uv_ip4_addr("127.0.0.1", port, &addr);
  uv_tcp_init(loop, &server);
  int r = uv_tcp_bind(&server, (const struct sockaddr*)&addr, 0);
  if (r == 0) r = uv_listen((uv_stream_t*)&server, 1024, on_connection);
  if (r < 0) {
    fprintf(stderr, "echo_uv: listen on port %d: %s\n", port, uv_strerror(r));
    return 1;
  }
  uv_signal_init(loop, &sigterm);
  uv_signal_init(loop, &sigint);
  uv_signal_start(&sigterm, on_signal, SIGTERM);
  uv_signal_start(&sigint, on_signal, SIGINT);
  uv_run(loop, UV_RUN_DEFAULT);
  return uv_loop_close(loop) == 0 ? 0 : 1;
}
