/* future.c - asyncc_future_t: one completion, awaited or called back.
 *
 * A future is pending until asyncc_future_resolve/reject completes it, once.
 * Its waiters form a circular singly linked list of asyncc__node_t, kept in
 * registration order ('waiters' points at the last node, whose next is the
 * first): public done callbacks (asyncc_future_done_t) and the internal
 * waiters of async code (the asyncc_future_wait leaf, task joins). Completing
 * detaches the whole list first and then runs each node, so a callback may
 * free its own registration or the future itself.
 *
 * 'flags' carries a magic number in its high bits: a future that was never
 * initialized, or was closed, fails the check and calls on it return
 * UV_EINVAL instead of touching its waiters.
 */
#include "internal.h"

#define FUTURE_MAGIC 0xF7A30000u
#define FUTURE_MAGIC_MASK 0xFFFF0000u
#define FUTURE_DEAD 0xDEAD0000u
#define FUTURE_DONE 0x1u

int asyncc__future_valid(const asyncc_future_t* future) {
  return future != NULL && (future->flags & FUTURE_MAGIC_MASK) == FUTURE_MAGIC;
}

static int future_done(const asyncc_future_t* future) {
  return (future->flags & FUTURE_DONE) != 0;
}

int asyncc_future_init(asyncc_future_t* future) {
  if (future == NULL) return UV_EINVAL;
  future->result = NULL;
  future->status = UV_EAGAIN;
  future->flags = FUTURE_MAGIC;
  future->waiters = NULL;
  return 0;
}

void asyncc__future_add_waiter(asyncc_future_t* future, asyncc__node_t* node) {
  asyncc__ring_append(&future->waiters, node);
}

int asyncc__future_remove_waiter(asyncc_future_t* future,
                                 asyncc__node_t* node) {
  return asyncc__ring_remove(&future->waiters, node);
}

void asyncc__future_complete(asyncc_future_t* future, int status,
                             void* result) {
  asyncc__node_t* last = future->waiters;
  asyncc__node_t* n;

  future->status = status;
  future->result = result;
  future->flags |= FUTURE_DONE;
  future->waiters = NULL;
  if (last == NULL) return;

  /* From here on 'future' is not touched: a callback may free it. */
  n = last->next;
  last->next = NULL;
  while (n != NULL) {
    asyncc__node_t* next = n->next;
    n->next = NULL;
    n->run(n);
    n = next;
  }
}

int asyncc_future_resolve(asyncc_future_t* future, void* result) {
  if (!asyncc__future_valid(future) || future_done(future)) return UV_EINVAL;
  asyncc__future_complete(future, 0, result);
  return 0;
}

int asyncc_future_reject(asyncc_future_t* future, int status) {
  if (!asyncc__future_valid(future) || future_done(future) || status >= 0)
    return UV_EINVAL;
  asyncc__future_complete(future, status, NULL);
  return 0;
}

int asyncc_future_is_done(const asyncc_future_t* future) {
  return asyncc__future_valid(future) && future_done(future);
}

int asyncc_future_get_status(const asyncc_future_t* future) {
  if (!asyncc__future_valid(future)) return UV_EINVAL;
  return future_done(future) ? future->status : UV_EAGAIN;
}

void* asyncc_future_get_result(const asyncc_future_t* future) {
  if (!asyncc__future_valid(future)) return NULL;
  return future->result;
}

static void done_cb_run(asyncc__node_t* node) {
  asyncc_future_done_t* req = container_of(node, asyncc_future_done_t, node);
  asyncc_future_t* future = req->future;
  req->future = NULL; /* no longer registered: it may be added again */
  req->cb(req, future);
}

int asyncc_future_add_done_cb(asyncc_future_t* future,
                              asyncc_future_done_t* req,
                              asyncc_future_done_cb cb) {
  if (!asyncc__future_valid(future) || req == NULL || cb == NULL)
    return UV_EINVAL;
  if (future_done(future)) return UV_EALREADY;
  req->future = future; /* set exactly while registered */
  req->cb = cb;
  req->node.run = done_cb_run;
  asyncc__future_add_waiter(future, &req->node);
  return 0;
}

int asyncc_future_remove_done_cb(asyncc_future_done_t* req) {
  int rc;
  if (req == NULL) return UV_EINVAL;
  if (req->future == NULL) return UV_ENOENT;
  rc = asyncc__future_remove_waiter(req->future, &req->node);
  if (rc == 0) req->future = NULL;
  return rc;
}

int asyncc_future_close(asyncc_future_t* future) {
  if (!asyncc__future_valid(future)) return UV_EINVAL;
  if (future->waiters != NULL) return UV_EBUSY;
  future->flags = FUTURE_DEAD;
  return 0;
}

/* ---- async int asyncc_future_wait(asyncc_future_t* future) ------------- */

/* The frame is in asyncc/leaves.h; generated code embeds it. */
typedef struct asyncc__asyncc_future_wait_frame future_wait_frame_t;

/* Runs inside asyncc__future_complete: the future may be freed before the
 * leaf resumes, so its status is copied now. */
static void future_wait_wake(asyncc__node_t* node) {
  future_wait_frame_t* f = container_of(node, future_wait_frame_t, node);
  f->asyncc__ret = f->future->status; /* the future is not needed again */
  asyncc__leaf_wake(&f->hdr);
}

static int future_wait_resume(asyncc_frame_t* fp) {
  future_wait_frame_t* f = (future_wait_frame_t*)fp;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_future_wait");
      /* Every way out sets asyncc__ret, which ends the use of 'future'. */
      f->hdr.state = 2;
      if (!asyncc__future_valid(f->future)) {
        f->asyncc__ret = UV_EINVAL;
        return ASYNCC_DONE;
      }
      if (asyncc__leaf_cancelled(fp)) {
        f->asyncc__ret = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      if (future_done(f->future)) {
        f->asyncc__ret = f->future->status; /* no trip through the loop */
        return ASYNCC_DONE;
      }
      f->hdr.state = 1;
      f->node.run = future_wait_wake;
      asyncc__future_add_waiter(f->future, &f->node);
      return asyncc__leaf_suspend(fp);
    case 1:
      f->hdr.state = 2;
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        /* Cancelled while waiting: stop waiting. */
        asyncc__future_remove_waiter(f->future, &f->node);
        f->asyncc__ret = UV_ECANCELED;
      }
      /* Woken: asyncc__ret is the future's status. */
      return ASYNCC_DONE;
    default:
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI void asyncc__asyncc_future_wait_init(future_wait_frame_t* f,
                                                 asyncc_future_t* future) {
  asyncc__leaf_init(&f->hdr, future_wait_resume);
  f->node.next = NULL;
  f->node.run = NULL;
  f->future = future;
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_future_wait_start(
    asyncc_future_t* future) {
  future_wait_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__asyncc_future_wait_init(f, future);
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_future_wait_take(asyncc_frame_t* frame) {
  future_wait_frame_t* f = (future_wait_frame_t*)frame;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}
ASYNCC__TAKE_INTO(asyncc_future_wait, int)
