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

/* The nodes a completion has taken off its future and not run yet, for
 * each completion running on this thread (a callback may complete another
 * future): a node removed while it waits there must not run. */
typedef struct completing_s completing_t;
struct completing_s {
  asyncc__node_t** pending; /* the first node not run yet */
  completing_t* outer;
};
static ASYNCC__TLS completing_t* completing;

static int remove_pending(asyncc__node_t* node) {
  completing_t* c;
  asyncc__node_t** link;
  for (c = completing; c != NULL; c = c->outer)
    for (link = c->pending; *link != NULL; link = &(*link)->next)
      if (*link == node) {
        *link = node->next;
        node->next = NULL;
        return 0;
      }
  return UV_ENOENT;
}

int asyncc__future_remove_waiter(asyncc_future_t* future,
                                 asyncc__node_t* node) {
  /* Pending first: a callback of the completion may have freed the
   * future. */
  if (completing != NULL && remove_pending(node) == 0) return 0;
  return asyncc__ring_remove(&future->waiters, node);
}

/* A parked task waits through its own node (asyncc_task_t.wait), which
 * holds, where other nodes have their run function, the future it waits
 * on: completion tells it from the others by that (a function is never at
 * a future's address), and a cancellation finds the list to leave. Bytes
 * are copied, not converted: C has no conversion between the two. */
static void task_set_parked_on(asyncc_task_t* t, asyncc_future_t* future) {
  memcpy(&t->wait.run, &future, sizeof future);
}

static asyncc_future_t* node_parked_on(const asyncc__node_t* n) {
  asyncc_future_t* future;
  memcpy(&future, &n->run, sizeof future);
  return future;
}

_Static_assert(sizeof(asyncc_future_t*) == sizeof(void (*)(void)),
               "a node's run slot holds a future pointer");

/* Wakes a task parked on a completing future: its await's result is the
 * future's status, kept in the word of the node that held the future. */
static void task_unpark(asyncc_task_t* t, int status) {
  t->park_result = status;
  t->future.flags =
      (t->future.flags & ~ASYNCC__TASK_PARKED) | ASYNCC__TASK_WOKEN;
  asyncc__task_enqueue(t); /* reuses the node's first word */
}

static void future_wait_wake(asyncc__node_t* node, int status);

void asyncc__future_complete(asyncc_future_t* future, int status,
                             void* result) {
  asyncc__node_t* last = future->waiters;
  asyncc__node_t *n, **link;

  future->status = status;
  future->result = result;
  future->flags |= FUTURE_DONE;
  future->waiters = NULL;
  if (last == NULL) return;
  n = last->next;
  last->next = NULL;

  /* Waiting tasks first, parked or in asyncc_future_wait's frame, in the
   * order they began to wait: waking one only queues it, and once they are
   * all off the list a done callback that cancels one of them, or frees
   * the future, cannot reach a task that still points at it; either form
   * of the wait then returns the status (the completion came before the
   * cancellation). */
  for (link = &n; *link != NULL;) {
    asyncc__node_t* w = *link;
    if (node_parked_on(w) == future) {
      *link = w->next;
      w->next = NULL;
      task_unpark(container_of(w, asyncc_task_t, wait), status);
    } else if (w->run == future_wait_wake) {
      *link = w->next;
      w->next = NULL;
      future_wait_wake(w, status);
    } else {
      link = &w->next;
    }
  }

  /* From here on 'future' is not touched: a callback may free it. 'n' is
   * the first node not run yet, where a removal finds it. */
  if (n == NULL) return;
  completing_t self = {&n, completing};
  completing = &self;
  while (n != NULL) {
    asyncc__node_t* run = n;
    n = run->next;
    run->next = NULL;
    run->run(run, status);
  }
  completing = self.outer;
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

static void done_cb_run(asyncc__node_t* node, int status) {
  asyncc_future_done_t* req = container_of(node, asyncc_future_done_t, node);
  (void)status;
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
  /* A task's future is the runtime's: its task frees it. */
  if (!asyncc__future_valid(future) || (future->flags & ASYNCC__TASK_FUTURE))
    return UV_EINVAL;
  if (future->waiters != NULL) return UV_EBUSY;
  future->flags = FUTURE_DEAD;
  return 0;
}

/* ---- async int asyncc_future_wait(asyncc_future_t* future) ------------- */

/* The frame is in asyncc/leaves.h; generated code embeds it. */
typedef struct asyncc__asyncc_future_wait_frame future_wait_frame_t;

/* Runs inside asyncc__future_complete, before its done callbacks, which
 * passes the status: the future is not read again. */
static void future_wait_wake(asyncc__node_t* node, int status) {
  future_wait_frame_t* f = container_of(node, future_wait_frame_t, node);
  /* A task cancelled while it waited (its cancellation is queued, not yet
   * delivered) sees UV_ECANCELED, as a parked one does: the cancellation
   * came first. (Cancelled before the wait began, it never waits.) */
  f->asyncc__ret =
      (ASYNCC__LEAF_TASK(&f->hdr)->future.flags & ASYNCC__TASK_CANCEL)
          ? UV_ECANCELED
          : status; /* the future is not needed again */
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

/* ---- The parked form: an await of asyncc_future_wait with no frame ------
 *
 * Generated code awaits asyncc_future_wait(fut) with ASYNCC__AWAIT_PARK
 * (asyncc/frame.h): the task itself waits, through the node it carries,
 * and the await's result is kept in the task until the awaiting frame
 * reads it back. A parked task costs its task and its own frames, no
 * leaf. */

ASYNCC__ABI int asyncc__asyncc_future_wait_park(asyncc_frame_t* awaiting,
                                                asyncc_future_t* future) {
  asyncc_runner_t* r = asyncc__current_runner;
  asyncc_task_t* t = r != NULL ? r->current : NULL;

  if (t == NULL) asyncc__leaf_outside_task("asyncc_future_wait");
  ASYNCC__ASSERT(!(t->future.flags & ASYNCC__TASK_QUEUED)); /* 'wait' free */
  if (!asyncc__future_valid(future)) {
    t->park_result = UV_EINVAL;
    return 0;
  }
  if (t->future.flags & ASYNCC__TASK_CANCEL) {
    /* As a leaf started cancelled: UV_ECANCELED on the next turn. */
    t->park_result = UV_ECANCELED;
    t->frame = awaiting;
    t->future.flags |= ASYNCC__TASK_WOKEN;
    asyncc__task_enqueue(t);
    return 1;
  }
  if (future_done(future)) {
    t->park_result = future->status; /* no trip through the loop */
    return 0;
  }
  t->frame = awaiting;
  task_set_parked_on(t, future);
  t->future.flags |= ASYNCC__TASK_PARKED;
  asyncc__future_add_waiter(future, &t->wait);
  return 1;
}

ASYNCC__ABI int asyncc__asyncc_future_wait_result(void) {
  return asyncc__current_runner->current->park_result;
}

/* Cancellation of a parked task (asyncc_task_cancel): it stops waiting and
 * its await returns UV_ECANCELED. */
void asyncc__task_unpark_cancelled(asyncc_task_t* t) {
  asyncc__future_remove_waiter(node_parked_on(&t->wait), &t->wait);
  task_unpark(t, UV_ECANCELED);
}

/* asyncc_run's end cancels every task of its runner, in the order of its
 * pool, which is not the order they parked in: taking each off its future's
 * list alone would walk the list once per task (quadratic: 80,000 tasks on
 * one future took 15 s). So the first parked task found cancels, in one
 * walk of its future's list, every task parked there (all of them being
 * cancelled anyway); the other waiters stay, in order. */
void asyncc__task_unpark_all_cancelled(asyncc_task_t* t) {
  asyncc_future_t* future = node_parked_on(&t->wait);
  asyncc__node_t* last = future->waiters;
  asyncc__node_t* n;

  future->waiters = NULL;
  n = last->next; /* 't' is on the list: it is not empty */
  last->next = NULL;
  while (n != NULL) {
    asyncc__node_t* next = n->next;
    if (node_parked_on(n) == future) {
      asyncc_task_t* w = container_of(n, asyncc_task_t, wait);
      n->next = NULL;
      w->future.flags |= ASYNCC__TASK_CANCEL;
      task_unpark(w, UV_ECANCELED);
    } else {
      asyncc__ring_append(&future->waiters, n);
    }
    n = next;
  }
}
