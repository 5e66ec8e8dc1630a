/* chan.c - asyncc_chan_t: a bounded FIFO of fixed-size elements between
 * tasks (and callbacks), with awaitable send and receive.
 *
 * Elements are copied: into a ring buffer of 'capacity' elements, or, when
 * a receiver is already waiting (the buffer is then empty), straight into
 * the receiver's destination. A blocked sender keeps a pointer to its
 * element (valid: the sender is suspended in the await that passed it),
 * and the receiver that makes room moves it into the buffer, or, with
 * capacity 0, straight to itself. So every transfer is complete when the
 * waiting side is woken: a woken receiver has its element, a woken sender
 * has delivered, and a cancellation that arrives after that cannot lose
 * an element.
 *
 * asyncc_chan_shutdown ends sending (like uv_shutdown on a stream): blocked
 * and later senders get UV_EPIPE; receivers drain what is buffered and then
 * get UV_EOF.
 */
#include <string.h>

#include "internal.h"

#define CHAN_MAGIC 0xC4A70000u
#define CHAN_MAGIC_MASK 0xFFFF0000u
#define CHAN_DEAD 0xDEAD0000u
#define CHAN_SHUTDOWN 0x1u

/* Send and receive frames (asyncc/leaves.h) share one layout; the code
 * below uses the send type for both. */
typedef struct asyncc__asyncc_chan_send_frame chan_frame_t;

#define SAME_OFFSET(m)                                   \
  (offsetof(struct asyncc__asyncc_chan_send_frame, m) == \
   offsetof(struct asyncc__asyncc_chan_recv_frame, m))
_Static_assert(sizeof(struct asyncc__asyncc_chan_send_frame) ==
                       sizeof(struct asyncc__asyncc_chan_recv_frame) &&
                   SAME_OFFSET(asyncc__ret) && SAME_OFFSET(node) &&
                   SAME_OFFSET(ch) && SAME_OFFSET(elem),
               "send and receive frames share their layout");

static int chan_valid(const asyncc_chan_t* ch) {
  return ch != NULL && (ch->flags & CHAN_MAGIC_MASK) == CHAN_MAGIC;
}

int asyncc_chan_init(asyncc_chan_t* ch, size_t elem_size, size_t capacity) {
  if (ch == NULL || elem_size == 0) return UV_EINVAL;
  if (capacity != 0 && elem_size > SIZE_MAX / capacity) return UV_EINVAL;
  ch->buf = NULL;
  if (capacity != 0) {
    ch->buf = asyncc__malloc(elem_size * capacity);
    if (ch->buf == NULL) return UV_ENOMEM;
  }
  ch->elem_size = elem_size;
  ch->capacity = capacity;
  ch->count = 0;
  ch->head = 0;
  ch->senders = NULL;
  ch->receivers = NULL;
  ch->flags = CHAN_MAGIC;
  return 0;
}

int asyncc_chan_close(asyncc_chan_t* ch) {
  if (!chan_valid(ch)) return UV_EINVAL;
  if (ch->senders != NULL || ch->receivers != NULL) return UV_EBUSY;
  asyncc__free(ch->buf);
  ch->buf = NULL;
  ch->flags = CHAN_DEAD;
  return 0;
}

static void wake_with(asyncc__node_t* node, int result) {
  chan_frame_t* f = container_of(node, chan_frame_t, node);
  f->asyncc__ret = result;
  asyncc__leaf_wake(&f->hdr);
}

int asyncc_chan_shutdown(asyncc_chan_t* ch) {
  asyncc__node_t* n;
  if (!chan_valid(ch)) return UV_EINVAL;
  ch->flags |= CHAN_SHUTDOWN;
  while ((n = asyncc__ring_pop(&ch->senders)) != NULL) wake_with(n, UV_EPIPE);
  /* Receivers only wait on an empty buffer. */
  while ((n = asyncc__ring_pop(&ch->receivers)) != NULL) wake_with(n, UV_EOF);
  return 0;
}

static void buf_push(asyncc_chan_t* ch, const void* elem) {
  size_t tail = (ch->head + ch->count) % ch->capacity;
  memcpy(ch->buf + tail * ch->elem_size, elem, ch->elem_size);
  ch->count++;
}

int asyncc_chan_try_send(asyncc_chan_t* ch, const void* elem) {
  asyncc__node_t* n;
  if (!chan_valid(ch) || elem == NULL) return UV_EINVAL;
  if (ch->flags & CHAN_SHUTDOWN) return UV_EPIPE;
  if ((n = asyncc__ring_pop(&ch->receivers)) != NULL) {
    chan_frame_t* r = container_of(n, chan_frame_t, node);
    memcpy(r->elem, elem, ch->elem_size);
    wake_with(n, 0);
    return 0;
  }
  if (ch->count < ch->capacity) {
    buf_push(ch, elem);
    return 0;
  }
  return UV_EAGAIN;
}

int asyncc_chan_try_recv(asyncc_chan_t* ch, void* elem_out) {
  asyncc__node_t* n;
  if (!chan_valid(ch) || elem_out == NULL) return UV_EINVAL;
  if (ch->count > 0) {
    memcpy(elem_out, ch->buf + ch->head * ch->elem_size, ch->elem_size);
    ch->head = (ch->head + 1) % ch->capacity;
    ch->count--;
    /* Room for the first blocked sender. */
    if ((n = asyncc__ring_pop(&ch->senders)) != NULL) {
      buf_push(ch, container_of(n, chan_frame_t, node)->elem);
      wake_with(n, 0);
    }
    return 0;
  }
  if ((n = asyncc__ring_pop(&ch->senders)) != NULL) {
    /* Capacity 0: take it from the sender directly. */
    memcpy(elem_out, container_of(n, chan_frame_t, node)->elem, ch->elem_size);
    wake_with(n, 0);
    return 0;
  }
  if (ch->flags & CHAN_SHUTDOWN) return UV_EOF;
  return UV_EAGAIN;
}

/* ---- async int asyncc_chan_send / asyncc_chan_recv ---------------------- */

static int chan_resume(asyncc_frame_t* fp, int send) {
  chan_frame_t* f = (chan_frame_t*)fp;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, send ? "asyncc_chan_send" : "asyncc_chan_recv");
      f->hdr.state = 1;
      if (asyncc__leaf_cancelled(fp)) {
        f->asyncc__ret = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      f->asyncc__ret = send ? asyncc_chan_try_send(f->ch, f->elem)
                            : asyncc_chan_try_recv(f->ch, f->elem);
      if (f->asyncc__ret != UV_EAGAIN) return ASYNCC_DONE;
      asyncc__ring_append(send ? &f->ch->senders : &f->ch->receivers, &f->node);
      return asyncc__leaf_suspend(fp);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        asyncc__ring_remove(send ? &f->ch->senders : &f->ch->receivers,
                            &f->node);
        f->asyncc__ret = UV_ECANCELED;
      }
      return ASYNCC_DONE;
  }
}

static int send_resume(asyncc_frame_t* fp) { return chan_resume(fp, 1); }
static int recv_resume(asyncc_frame_t* fp) { return chan_resume(fp, 0); }

static void chan_init(chan_frame_t* f, asyncc_resume_cb resume,
                      asyncc_chan_t* ch, void* elem) {
  asyncc__leaf_init(&f->hdr, resume);
  f->asyncc__ret = 0;
  f->node.next = NULL;
  f->node.run = NULL;
  f->ch = ch;
  f->elem = elem;
}

static int chan_take(asyncc_frame_t* frame) {
  chan_frame_t* f = (chan_frame_t*)frame;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

ASYNCC__ABI void asyncc__asyncc_chan_send_init(
    struct asyncc__asyncc_chan_send_frame* f, asyncc_chan_t* ch,
    const void* elem) {
  /* Only read through 'elem' (by a receiver's memcpy). */
  chan_init(f, send_resume, ch, (void*)(uintptr_t)elem);
}

ASYNCC__ABI void asyncc__asyncc_chan_recv_init(
    struct asyncc__asyncc_chan_recv_frame* f, asyncc_chan_t* ch,
    void* elem_out) {
  chan_init((chan_frame_t*)f, recv_resume, ch, elem_out);
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_chan_send_start(asyncc_chan_t* ch,
                                                           const void* elem) {
  chan_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__asyncc_chan_send_init(f, ch, elem);
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_chan_send_take(asyncc_frame_t* frame) {
  return chan_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_chan_send, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_chan_recv_start(asyncc_chan_t* ch,
                                                           void* elem_out) {
  struct asyncc__asyncc_chan_recv_frame* f = asyncc__frame_alloc(sizeof *f);
  asyncc__asyncc_chan_recv_init(f, ch, elem_out);
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_chan_recv_take(asyncc_frame_t* frame) {
  return chan_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_chan_recv, int)
