/* bench/echo/loadgen.c - measurement 4: a bounded TCP echo load generator.
 *
 * Opens CONNS connections to HOST:PORT (loopback only: this is a benchmark
 * of servers on this machine) and on each keeps exactly one SIZE-byte
 * request in flight: send, wait for SIZE bytes back, record the round-trip
 * time, send the next. After WARMUP seconds it starts counting; after
 * DURATION more seconds it stops, closes every connection and prints
 *   rps <completed requests per second>
 *   p50_us <median round trip, microseconds>
 *   p99_us <99th percentile round trip, microseconds>
 * It sends nothing after the deadline and exits by itself.
 *
 *   loadgen HOST PORT CONNS DURATION [WARMUP] [SIZE]
 */
#include <string.h>
#include <uv.h>

#include "bench.h"

#define MAX_SIZE 4096

typedef struct {
  uv_tcp_t tcp;
  uv_connect_t connect_req;
  uv_write_t write_req;
  uint64_t sent_at; /* bench_now_ns() when the request went out */
  size_t got;       /* bytes of the current response received */
  char rbuf[MAX_SIZE];
} conn_t;

static size_t req_size = 64;
static char payload[MAX_SIZE];
static int measuring;   /* inside the measured window */
static int stopping;    /* past the deadline: send nothing more */
static uint64_t t_start, t_end;
static uint32_t* lat;   /* round trips in the window, nanoseconds */
static size_t nlat, caplat;
static long errors;
static conn_t* conns;
static int nconns;

static void record(uint64_t ns) {
  if (nlat == caplat) {
    caplat = caplat ? caplat * 2 : 1 << 20;
    lat = realloc(lat, caplat * sizeof *lat);
    if (!lat) abort();
  }
  lat[nlat++] = ns > UINT32_MAX ? UINT32_MAX : (uint32_t)ns;
}

static void on_write(uv_write_t* req, int status) {
  if (status < 0 && status != UV_ECANCELED) errors++;
  (void)req;
}

static void send_request(conn_t* c) {
  uv_buf_t b = uv_buf_init(payload, (unsigned)req_size);
  c->got = 0;
  c->sent_at = bench_now_ns();
  int r = uv_try_write((uv_stream_t*)&c->tcp, &b, 1);
  if (r == (int)req_size) return;
  if (r > 0) { /* partial: send the rest */
    b.base += r;
    b.len -= (size_t)r;
  } else if (r != UV_EAGAIN) {
    errors++;
    return;
  }
  if (uv_write(&c->write_req, (uv_stream_t*)&c->tcp, &b, 1, on_write) < 0)
    errors++;
}

static void on_alloc(uv_handle_t* h, size_t hint, uv_buf_t* buf) {
  conn_t* c = h->data;
  (void)hint;
  *buf = uv_buf_init(c->rbuf, sizeof c->rbuf);
}

static void on_read(uv_stream_t* s, ssize_t nread, const uv_buf_t* buf) {
  conn_t* c = s->data;
  (void)buf;
  if (nread < 0) {
    if (!stopping) errors++;
    uv_read_stop(s);
    return;
  }
  c->got += (size_t)nread;
  if (c->got < req_size) return;
  if (c->got > req_size) errors++; /* one request in flight: cannot happen */
  if (measuring) record(bench_now_ns() - c->sent_at);
  if (!stopping) send_request(c);
}

static void on_connect(uv_connect_t* req, int status) {
  conn_t* c = req->data;
  if (status < 0) {
    fprintf(stderr, "loadgen: connect: %s\n", uv_strerror(status));
    exit(1);
  }
  uv_tcp_nodelay(&c->tcp, 1);
  uv_read_start((uv_stream_t*)&c->tcp, on_alloc, on_read);
  send_request(c);
}

static void on_warm(uv_timer_t* t) {
  (void)t;
  measuring = 1;
  t_start = bench_now_ns();
}

static void on_stop(uv_timer_t* t) {
  t_end = bench_now_ns();
  measuring = 0;
  stopping = 1;
  for (int i = 0; i < nconns; i++)
    uv_close((uv_handle_t*)&conns[i].tcp, NULL);
  uv_close((uv_handle_t*)t, NULL);
}

static int cmp_u32(const void* a, const void* b) {
  uint32_t x = *(const uint32_t*)a, y = *(const uint32_t*)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char** argv) {
  if (argc < 5) {
    fprintf(stderr,
            "usage: loadgen HOST PORT CONNS DURATION [WARMUP] [SIZE]\n");
    return 2;
  }
  const char* host = argv[1];
  int port = (int)bench_arg(argc, argv, 2, 0);
  nconns = (int)bench_arg(argc, argv, 3, 50);
  double duration = strtod(argv[4], NULL);
  double warmup = argc > 5 ? strtod(argv[5], NULL) : 0.5;
  req_size = (size_t)bench_arg(argc, argv, 6, 64);
  if (req_size < 1 || req_size > MAX_SIZE || nconns < 1 || duration <= 0) {
    fprintf(stderr, "loadgen: bad arguments\n");
    return 2;
  }
  if (strncmp(host, "127.", 4) != 0 && strcmp(host, "localhost") != 0) {
    fprintf(stderr, "loadgen: only loopback addresses are allowed\n");
    return 2;
  }
  if (strcmp(host, "localhost") == 0) host = "127.0.0.1";
  memset(payload, 'x', sizeof payload);

  uv_loop_t* loop = uv_default_loop();
  struct sockaddr_in addr;
  if (uv_ip4_addr(host, port, &addr) < 0) return 2;
  conns = calloc((size_t)nconns, sizeof *conns);
  if (!conns) abort();
  for (int i = 0; i < nconns; i++) {
    conn_t* c = &conns[i];
    uv_tcp_init(loop, &c->tcp);
    c->tcp.data = c;
    c->connect_req.data = c;
    uv_tcp_connect(&c->connect_req, &c->tcp, (const struct sockaddr*)&addr,
                   on_connect);
  }
  uv_timer_t warm, stop;
  uv_timer_init(loop, &warm);
  uv_timer_init(loop, &stop);
  uv_timer_start(&warm, on_warm, (uint64_t)(warmup * 1000), 0);
  uv_timer_start(&stop, on_stop, (uint64_t)((warmup + duration) * 1000), 0);
  uv_unref((uv_handle_t*)&warm);
  uv_run(loop, UV_RUN_DEFAULT);
  uv_close((uv_handle_t*)&warm, NULL);
  uv_run(loop, UV_RUN_DEFAULT);

  double secs = (double)(t_end - t_start) / 1e9;
  qsort(lat, nlat, sizeof *lat, cmp_u32);
  bench_report("rps", secs > 0 ? (double)nlat / secs : 0);
  bench_report("p50_us", nlat ? lat[nlat / 2] / 1e3 : 0);
  bench_report("p99_us", nlat ? lat[(size_t)((double)nlat * 0.99)] / 1e3 : 0);
  if (errors) fprintf(stderr, "loadgen: %ld errors\n", errors);
  free(lat);
  free(conns);
  uv_loop_close(loop);
  return errors ? 1 : 0;
}
