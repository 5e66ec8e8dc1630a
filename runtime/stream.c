/* stream.c - asyncc_stream_t: awaitable TCP and pipe streams.
 *
 * An asyncc_stream_t wraps a caller-owned uv_tcp_t or uv_pipe_t (the 'uv'
 * union) together with what the awaitable operations need to find their
 * waiting frames from libuv's callbacks: the one pending reader, the
 * pending accepts, and the tasks waiting for the close callback. The
 * stream is found from the libuv handle with container_of; the handle's
 * 'data' field is left to the caller.
 *
 * Reads are pull-based on top of libuv's push-based reading: a read hands
 * the caller's buffer to alloc_cb and completes at the first data. Reading
 * stays started after that, because the next read usually follows at once
 * and restarting costs a system call; it is stopped lazily, when data
 * arrives with no read waiting (alloc_cb then hands out no buffer, libuv
 * reports UV_ENOBUFS and leaves the data in the kernel). Writes first try
 * uv_try_write, so a write the kernel takes at once completes without
 * suspending; the rest goes through uv_write.
 *
 * Cancellation: a pending read or accept is simply withdrawn. A connect,
 * write or shutdown request cannot be withdrawn in libuv except by closing
 * the handle, so cancelling one closes the stream (its request then
 * completes with UV_ECANCELED, as libuv does for requests on a closed
 * handle). asyncc_stream_close on a stream that is already closing waits
 * for that close and succeeds, so unwinding code can always close.
 * Closing a stream also wakes its pending reader and accepts with
 * UV_ECANCELED, and so does closing the client of a pending accept (its
 * 'accepting'): a connection accepted into a closed handle would leak its
 * fd, and the client's memory may be freed once its close returns.
 */
#include <string.h>
#include <sys/un.h>

#include "internal.h"

#define STREAM_MAGIC 0x57E40000u
#define STREAM_MAGIC_MASK 0xFFFF0000u
#define STREAM_LISTENING 0x1u
#define STREAM_CLOSING 0x2u /* uv_close called */
#define STREAM_CLOSED 0x4u  /* its close callback has run */
#define STREAM_READING 0x8u /* uv_read_start is in effect */

enum {
  OP_ACCEPT,
  OP_TCP_CONNECT,
  OP_PIPE_CONNECT,
  OP_READ,
  OP_WRITE,
  OP_SHUTDOWN,
  OP_CLOSE,
};

typedef struct {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  asyncc__node_t node;      /* in s->acceptors or s->closers */
  asyncc_stream_t* s;
  union {
    uv_write_t write;
    uv_connect_t connect;
    uv_shutdown_t shutdown;
  } req;
  int op;
  int req_active; /* the request's callback is still to come */
  asyncc_stream_t* client;
  const void* addr; /* struct sockaddr* or pipe name, until started */
  char* buf;
  size_t len;
  ssize_t result;
} stream_frame_t;
ASYNCC__LEAF_TASK_CHECK(stream_frame_t);

static int stream_valid(const asyncc_stream_t* s) {
  return s != NULL && (s->flags & STREAM_MAGIC_MASK) == STREAM_MAGIC;
}

static int stream_open(const asyncc_stream_t* s) {
  return stream_valid(s) && !(s->flags & (STREAM_CLOSING | STREAM_CLOSED));
}

static void stream_setup(asyncc_stream_t* s) {
  s->reader = NULL;
  s->acceptors = NULL;
  s->accepting = NULL;
  s->closers = NULL;
  s->pending = 0;
  s->listen_error = 0;
  s->flags = STREAM_MAGIC;
  asyncc__sigpipe_ignore(); /* a write to a closed peer: UV_EPIPE */
  asyncc__live_handles++;
  asyncc__live_fds++;
}

int asyncc_tcp_init(asyncc_stream_t* s) {
  int rc;
  if (s == NULL) return UV_EINVAL;
  rc = uv_tcp_init(asyncc_loop(), &s->uv.tcp);
  if (rc == 0) stream_setup(s);
  return rc;
}

int asyncc_pipe_init(asyncc_stream_t* s, int ipc) {
  int rc;
  if (s == NULL) return UV_EINVAL;
  rc = uv_pipe_init(asyncc_loop(), &s->uv.pipe, ipc);
  if (rc == 0) stream_setup(s);
  return rc;
}

int asyncc_tcp_bind(asyncc_stream_t* s, const struct sockaddr* addr,
                    unsigned int flags) {
  if (!stream_open(s) || s->uv.handle.type != UV_TCP || addr == NULL)
    return UV_EINVAL;
  return uv_tcp_bind(&s->uv.tcp, addr, flags);
}

/* Whether 'name' fits a socket address. libuv (before 1.46) cuts a longer
 * one to fit, so a bind or connect would use another path than the one
 * given (and two long names that share a prefix, the same one). */
static int pipe_name_fits(const char* name) {
  return strlen(name) < sizeof(((struct sockaddr_un*)0)->sun_path);
}

int asyncc_pipe_bind(asyncc_stream_t* s, const char* name) {
  if (!stream_open(s) || s->uv.handle.type != UV_NAMED_PIPE || name == NULL)
    return UV_EINVAL;
  if (!pipe_name_fits(name)) return UV_ENAMETOOLONG;
  return uv_pipe_bind(&s->uv.pipe, name);
}

static void wake_node(asyncc__node_t* node, ssize_t result) {
  stream_frame_t* f = container_of(node, stream_frame_t, node);
  f->result = result;
  asyncc__leaf_wake(&f->hdr);
}

static void wake_reader(asyncc_stream_t* s, ssize_t result) {
  stream_frame_t* f = (stream_frame_t*)s->reader;
  s->reader = NULL;
  f->result = result;
  asyncc__leaf_wake(&f->hdr);
}

/* Ends the pending accept 'n' (popped from its server's acceptors): its
 * client is no longer waiting to be filled. */
static void accept_done(asyncc__node_t* n, ssize_t result) {
  stream_frame_t* f = container_of(n, stream_frame_t, node);
  f->client->accepting = NULL;
  wake_node(n, result);
}

static void connection_cb(uv_stream_t* server, int status) {
  asyncc_stream_t* s = container_of(server, asyncc_stream_t, uv.stream);
  asyncc__node_t* n = asyncc__ring_pop(&s->acceptors);
  if (n == NULL) {
    /* Nobody is accepting yet: remember it for the next accept. libuv
     * stops accepting until uv_accept is called. */
    if (status < 0)
      s->listen_error = status;
    else
      s->pending++;
    return;
  }
  if (status == 0) {
    stream_frame_t* f = container_of(n, stream_frame_t, node);
    status = uv_accept(server, &f->client->uv.stream);
  }
  accept_done(n, status);
}

int asyncc_stream_listen(asyncc_stream_t* s, int backlog) {
  int rc;
  if (!stream_open(s) || (s->flags & STREAM_LISTENING)) return UV_EINVAL;
  rc = uv_listen(&s->uv.stream, backlog, connection_cb);
  if (rc == 0) s->flags |= STREAM_LISTENING;
  return rc;
}

static void read_stop(asyncc_stream_t* s) {
  if (!(s->flags & STREAM_READING)) return;
  uv_read_stop(&s->uv.stream);
  s->flags &= ~STREAM_READING;
}

static void close_cb(uv_handle_t* handle) {
  asyncc_stream_t* s = container_of(handle, asyncc_stream_t, uv.handle);
  asyncc__node_t* n;
  asyncc__live_handles--;
  asyncc__live_fds--;
  s->flags |= STREAM_CLOSED;
  while ((n = asyncc__ring_pop(&s->closers)) != NULL) wake_node(n, 0);
}

/* Starts closing 's' (once); its pending reader and accepts are woken with
 * UV_ECANCELED, its requests complete with UV_ECANCELED from libuv. */
static void stream_close_now(asyncc_stream_t* s) {
  asyncc__node_t* n;
  if (s->flags & (STREAM_CLOSING | STREAM_CLOSED)) return;
  s->flags |= STREAM_CLOSING;
  read_stop(s);
  if (s->reader != NULL) wake_reader(s, UV_ECANCELED);
  while ((n = asyncc__ring_pop(&s->acceptors)) != NULL)
    accept_done(n, UV_ECANCELED);
  if (s->accepting != NULL) { /* 's' is the client of a pending accept */
    stream_frame_t* f = (stream_frame_t*)s->accepting;
    asyncc__ring_remove(&f->s->acceptors, &f->node);
    accept_done(&f->node, UV_ECANCELED);
  }
  uv_close(&s->uv.handle, close_cb);
}

/* ---- libuv callbacks of the operations ----------------------------------- */

static void alloc_cb(uv_handle_t* handle, size_t suggested, uv_buf_t* buf) {
  asyncc_stream_t* s = container_of(handle, asyncc_stream_t, uv.handle);
  stream_frame_t* f = (stream_frame_t*)s->reader;
  (void)suggested;
  if (f == NULL)
    *buf = uv_buf_init(NULL, 0); /* no read waiting: UV_ENOBUFS */
  else
    *buf = uv_buf_init(f->buf, asyncc__io_chunk(f->len));
}

static void read_cb(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  asyncc_stream_t* s = container_of(stream, asyncc_stream_t, uv.stream);
  (void)buf;
  if (nread == 0) return; /* EAGAIN: keep waiting */
  if (s->reader == NULL) {
    /* Data (UV_ENOBUFS) or an error with nobody reading: stop until the
     * next read. */
    read_stop(s);
    return;
  }
  if (nread < 0) read_stop(s); /* libuv has stopped reading at EOF */
  wake_reader(s, nread);
}

static void req_done(stream_frame_t* f, int status) {
  f->req_active = 0;
  f->result = status;
  asyncc__leaf_wake(&f->hdr);
}

static void write_cb(uv_write_t* req, int status) {
  req_done(container_of(req, stream_frame_t, req.write), status);
}

static void connect_cb(uv_connect_t* req, int status) {
  req_done(container_of(req, stream_frame_t, req.connect), status);
}

static void shutdown_cb(uv_shutdown_t* req, int status) {
  req_done(container_of(req, stream_frame_t, req.shutdown), status);
}

/* ---- The leaf ------------------------------------------------------------ */

/* Writes what the kernel takes now; returns 0 when all is written, 1 when
 * uv_write must take the rest, or an error. */
static int try_write_all(stream_frame_t* f) {
  while (f->len > 0) {
    uv_buf_t b = uv_buf_init(f->buf, asyncc__io_chunk(f->len));
    int n = uv_try_write(&f->s->uv.stream, &b, 1);
    if (n == UV_EAGAIN) return 1;
    if (n < 0) return n;
    f->buf += n;
    f->len -= (size_t)n;
  }
  return 0;
}

/* Queues the rest of a write as one uv_write request of buffers of at most
 * ASYNCC__IO_CHUNK bytes (libuv copies the array): one request, so that no
 * other write is queued between its parts. */
static int write_rest(stream_frame_t* f) {
  uv_buf_t small[4];
  uv_buf_t* bufs = small;
  size_t n = f->len / ASYNCC__IO_CHUNK + (f->len % ASYNCC__IO_CHUNK != 0);
  size_t i;
  int rc;
  if (n > ARRAY_SIZE(small)) {
    bufs = asyncc__malloc(n * sizeof *bufs);
    if (bufs == NULL) return UV_ENOMEM;
  }
  for (i = 0; i < n; i++)
    bufs[i] = uv_buf_init(f->buf + i * ASYNCC__IO_CHUNK,
                          asyncc__io_chunk(f->len - i * ASYNCC__IO_CHUNK));
  rc = uv_write(&f->req.write, &f->s->uv.stream, bufs, (unsigned int)n,
                write_cb);
  if (bufs != small) asyncc__free(bufs);
  return rc;
}

/* Starts the operation: ASYNCC_DONE with f->result, or suspends. */
static int stream_start(stream_frame_t* f) {
  asyncc_stream_t* s = f->s;
  int rc = 0;

  if (f->op == OP_CLOSE) {
    if (!stream_valid(s)) {
      f->result = UV_EINVAL;
      return ASYNCC_DONE;
    }
    if (s->flags & STREAM_CLOSED) {
      f->result = asyncc__leaf_cancelled(&f->hdr) ? UV_ECANCELED : 0;
      return ASYNCC_DONE;
    }
    stream_close_now(s);
    f->node.run = NULL;
    asyncc__ring_append(&s->closers, &f->node);
    return asyncc__leaf_suspend(&f->hdr);
  }
  if (!stream_open(s)) {
    f->result = UV_EINVAL;
    return ASYNCC_DONE;
  }
  switch (f->op) {
    case OP_ACCEPT:
      if (!(s->flags & STREAM_LISTENING) || !stream_open(f->client)) {
        rc = UV_EINVAL;
        break;
      }
      if (f->client->accepting != NULL) {
        rc = UV_EBUSY; /* another accept is filling it */
        break;
      }
      if (s->pending > 0) {
        s->pending--;
        rc = uv_accept(&s->uv.stream, &f->client->uv.stream);
        break;
      }
      if (s->listen_error != 0) {
        rc = s->listen_error;
        s->listen_error = 0;
        break;
      }
      asyncc__ring_append(&s->acceptors, &f->node);
      f->client->accepting = &f->hdr;
      return asyncc__leaf_suspend(&f->hdr);
    case OP_TCP_CONNECT:
      if (s->uv.handle.type != UV_TCP || f->addr == NULL) {
        rc = UV_EINVAL;
        break;
      }
      rc = uv_tcp_connect(&f->req.connect, &s->uv.tcp, f->addr, connect_cb);
      if (rc < 0) break;
      f->req_active = 1;
      return asyncc__leaf_suspend(&f->hdr);
    case OP_PIPE_CONNECT:
      if (s->uv.handle.type != UV_NAMED_PIPE || f->addr == NULL) {
        rc = UV_EINVAL;
        break;
      }
      if (!pipe_name_fits(f->addr)) {
        rc = UV_ENAMETOOLONG;
        break;
      }
      uv_pipe_connect(&f->req.connect, &s->uv.pipe, f->addr, connect_cb);
      f->req_active = 1;
      return asyncc__leaf_suspend(&f->hdr);
    case OP_READ:
      if (s->reader != NULL) {
        rc = UV_EBUSY; /* one reader at a time */
        break;
      }
      if (f->buf == NULL || f->len == 0) {
        rc = UV_EINVAL;
        break;
      }
      if (!(s->flags & STREAM_READING)) {
        rc = uv_read_start(&s->uv.stream, alloc_cb, read_cb);
        if (rc < 0) break;
        s->flags |= STREAM_READING;
      }
      s->reader = &f->hdr;
      return asyncc__leaf_suspend(&f->hdr);
    case OP_WRITE:
      if (f->buf == NULL && f->len != 0) {
        rc = UV_EINVAL;
        break;
      }
      rc = try_write_all(f);
      if (rc <= 0) break;
      rc = write_rest(f);
      if (rc < 0) break;
      f->req_active = 1;
      return asyncc__leaf_suspend(&f->hdr);
    case OP_SHUTDOWN:
      rc = uv_shutdown(&f->req.shutdown, &s->uv.stream, shutdown_cb);
      if (rc < 0) break;
      f->req_active = 1;
      return asyncc__leaf_suspend(&f->hdr);
    default:
      rc = UV_EINVAL;
      break;
  }
  f->result = rc;
  return ASYNCC_DONE;
}

static int stream_resume(asyncc_frame_t* fp) {
  stream_frame_t* f = (stream_frame_t*)fp;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "an asyncc_stream_ function");
      f->hdr.state = 1;
      if (asyncc__leaf_cancelled(fp) && f->op != OP_CLOSE) {
        f->result = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      return stream_start(f);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        /* The cancellation reaches a waiting operation. */
        switch (f->op) {
          case OP_ACCEPT:
            asyncc__ring_remove(&f->s->acceptors, &f->node);
            f->client->accepting = NULL;
            break;
          case OP_READ:
            f->s->reader = NULL; /* reading stops lazily */
            break;
          case OP_CLOSE:
            return ASYNCC_PENDING; /* closes within one loop turn */
          default:
            /* A request: only closing the handle ends it. */
            stream_close_now(f->s);
            return ASYNCC_PENDING;
        }
        f->result = UV_ECANCELED;
        return ASYNCC_DONE;
      }
      /* Woken: the operation's result, unless the cancellation reached
       * it first (a request ended by closing) or it is a close in a
       * cancelled task. */
      if ((fp->flags & ASYNCC__FLAG_CANCEL) ||
          (f->op == OP_CLOSE && asyncc__leaf_cancelled(fp)))
        f->result = UV_ECANCELED;
      return ASYNCC_DONE;
  }
}

static stream_frame_t* stream_new(int op, asyncc_stream_t* s) {
  stream_frame_t* f = asyncc__frame_alloc(sizeof *f);
  memset(f, 0, sizeof *f);
  f->hdr.resume = stream_resume;
  f->op = op;
  f->s = s;
  return f;
}

static ssize_t stream_take(asyncc_frame_t* frame) {
  stream_frame_t* f = (stream_frame_t*)frame;
  ssize_t r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_accept_start(
    asyncc_stream_t* server, asyncc_stream_t* client) {
  stream_frame_t* f = stream_new(OP_ACCEPT, server);
  f->client = client;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_stream_accept_take(asyncc_frame_t* frame) {
  return (int)stream_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_stream_accept, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_tcp_connect_start(
    asyncc_stream_t* s, const struct sockaddr* addr) {
  stream_frame_t* f = stream_new(OP_TCP_CONNECT, s);
  f->addr = addr;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_tcp_connect_take(asyncc_frame_t* frame) {
  return (int)stream_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_tcp_connect, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_pipe_connect_start(
    asyncc_stream_t* s, const char* name) {
  stream_frame_t* f = stream_new(OP_PIPE_CONNECT, s);
  f->addr = name;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_pipe_connect_take(asyncc_frame_t* frame) {
  return (int)stream_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_pipe_connect, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_read_start(asyncc_stream_t* s,
                                                             void* buf,
                                                             size_t len) {
  stream_frame_t* f = stream_new(OP_READ, s);
  f->buf = buf;
  f->len = len;
  return &f->hdr;
}

ASYNCC__ABI ssize_t asyncc__asyncc_stream_read_take(asyncc_frame_t* frame) {
  return stream_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_stream_read, ssize_t)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_write_start(
    asyncc_stream_t* s, const void* buf, size_t len) {
  stream_frame_t* f = stream_new(OP_WRITE, s);
  f->buf = (char*)(uintptr_t)buf; /* only read from */
  f->len = len;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_stream_write_take(asyncc_frame_t* frame) {
  return (int)stream_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_stream_write, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_shutdown_start(
    asyncc_stream_t* s) {
  return &stream_new(OP_SHUTDOWN, s)->hdr;
}

ASYNCC__ABI int asyncc__asyncc_stream_shutdown_take(asyncc_frame_t* frame) {
  return (int)stream_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_stream_shutdown, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_close_start(
    asyncc_stream_t* s) {
  return &stream_new(OP_CLOSE, s)->hdr;
}

ASYNCC__ABI int asyncc__asyncc_stream_close_take(asyncc_frame_t* frame) {
  return (int)stream_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_stream_close, int)
