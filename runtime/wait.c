/* wait.c - waiting on several tasks: asyncc_gather, asyncc_race and
 * asyncc_timeout.
 *
 * None of them joins: the tasks stay the caller's, ended, and a join
 * afterwards returns at once with each result. While one of these waits on
 * a task, that task must not be joined or detached by anyone else (it
 * could be freed under the waiter); they return UV_EINVAL for a task that
 * is already joined or detached.
 *
 * Cancellation: a gather, race or timeout whose own task is cancelled
 * cancels every task it waits on, and waits until they have all ended (so
 * nothing they hold outlives the cancelled waiter), then reports
 * UV_ECANCELED.
 *
 * gather waits for one unfinished task at a time (a single waiter node in
 * the frame): waiting for all means waiting for each. race must hear from
 * whichever ends first, so it registers a node on every task, from one
 * allocation.
 */
#include <string.h>

#include "internal.h"

static int task_waitable(const asyncc_frame_t* leaf, const asyncc_task_t* t) {
  return t != NULL && t != asyncc__leaf_task(leaf) &&
         !(t->future.flags &
           (ASYNCC__TASK_DETACHED | ASYNCC__TASK_JOINED | ASYNCC__TASK_ROOT));
}

static void cancel_all(asyncc_task_t* const* tasks, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) asyncc_task_cancel(tasks[i]);
}

/* ---- gather and race ---------------------------------------------------- */

typedef struct wait_frame_s wait_frame_t;

typedef struct {
  asyncc__node_t node;
  wait_frame_t* frame;
} race_waiter_t;

struct wait_frame_s {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  asyncc__node_t node;      /* gather: on tasks[i]'s future while waiting */
  asyncc_task_t* const* tasks;
  size_t n;
  size_t i;          /* gather: the task waited on */
  race_waiter_t* rw; /* race: one node per task while racing */
  int race;          /* 1 for asyncc_race */
  int result;
};
ASYNCC__LEAF_TASK_CHECK(wait_frame_t);

static void gather_wake(asyncc__node_t* node, int status) {
  wait_frame_t* f = container_of(node, wait_frame_t, node);
  (void)status;
  asyncc__leaf_wake(&f->hdr);
}

/* Waits for the first unfinished task from tasks[i] on, or finishes. */
static int gather_next(wait_frame_t* f) {
  size_t k;
  while (f->i < f->n && (f->tasks[f->i]->future.flags & ASYNCC__TASK_DONE))
    f->i++;
  if (f->i < f->n) {
    f->node.run = gather_wake;
    asyncc__future_add_waiter(&f->tasks[f->i]->future, &f->node);
    return asyncc__leaf_suspend(&f->hdr);
  }
  if (f->hdr.flags & ASYNCC__FLAG_CANCEL) {
    f->result = UV_ECANCELED;
  } else if (!f->race) {
    f->result = 0;
    for (k = 0; k < f->n; k++) {
      if (f->tasks[k]->future.status != 0) {
        f->result = f->tasks[k]->future.status;
        break;
      }
    }
  }
  return ASYNCC_DONE;
}

/* Stops racing: unregisters every node but 'keep' and frees them. */
static void race_stop(wait_frame_t* f, const race_waiter_t* keep) {
  size_t k;
  for (k = 0; k < f->n; k++)
    if (&f->rw[k] != keep)
      asyncc__future_remove_waiter(&f->tasks[k]->future, &f->rw[k].node);
  asyncc__free(f->rw);
  f->rw = NULL;
}

static void race_wake(asyncc__node_t* node, int status) {
  race_waiter_t* w = container_of(node, race_waiter_t, node);
  wait_frame_t* f = w->frame;
  (void)status;
  f->result = (int)(w - f->rw);
  /* Runs from the winner's completion, which has already detached 'w'
   * from its list and does not touch it again. */
  race_stop(f, w);
  asyncc__leaf_wake(&f->hdr);
}

/* Cancelled: pass it on to every task and wait for them all. */
static int wait_cancel(wait_frame_t* f) {
  f->hdr.flags |= ASYNCC__FLAG_CANCEL;
  if (f->rw != NULL) race_stop(f, NULL);
  cancel_all(f->tasks, f->n);
  f->i = 0;
  return gather_next(f);
}

static int wait_resume(asyncc_frame_t* fp) {
  wait_frame_t* f = (wait_frame_t*)fp;
  size_t k;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, f->race ? "asyncc_race" : "asyncc_gather");
      if ((f->tasks == NULL && f->n != 0) || (f->race && f->n == 0)) {
        f->result = UV_EINVAL;
        return ASYNCC_DONE;
      }
      for (k = 0; k < f->n; k++) {
        if (!task_waitable(fp, f->tasks[k])) {
          f->result = UV_EINVAL;
          return ASYNCC_DONE;
        }
      }
      f->hdr.state = 1;
      if (asyncc__leaf_cancelled(fp)) return wait_cancel(f);
      if (!f->race) return gather_next(f);
      for (k = 0; k < f->n; k++) {
        if (f->tasks[k]->future.flags & ASYNCC__TASK_DONE) {
          f->result = (int)k;
          return ASYNCC_DONE;
        }
      }
      f->rw = asyncc__malloc(f->n * sizeof *f->rw);
      if (f->rw == NULL) {
        f->result = UV_ENOMEM;
        return ASYNCC_DONE;
      }
      for (k = 0; k < f->n; k++) {
        f->rw[k].frame = f;
        f->rw[k].node.run = race_wake;
        asyncc__future_add_waiter(&f->tasks[k]->future, &f->rw[k].node);
      }
      return asyncc__leaf_suspend(fp);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        /* The cancellation, delivered (once) while waiting on tasks[i]
         * (gather) or on all of them (race). */
        if (f->rw == NULL)
          asyncc__future_remove_waiter(&f->tasks[f->i]->future, &f->node);
        return wait_cancel(f);
      }
      if (f->race && !(fp->flags & ASYNCC__FLAG_CANCEL))
        return ASYNCC_DONE; /* result: the winner's index */
      f->i++;
      return gather_next(f);
  }
}

static asyncc_frame_t* wait_start(asyncc_task_t* const* tasks, size_t n,
                                  int race) {
  wait_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__leaf_init(&f->hdr, wait_resume);
  f->node.next = NULL;
  f->tasks = tasks;
  f->n = n;
  f->i = 0;
  f->rw = NULL;
  f->race = race;
  f->result = 0;
  return &f->hdr;
}

static int wait_take(asyncc_frame_t* frame) {
  wait_frame_t* f = (wait_frame_t*)frame;
  int r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_gather_start(
    asyncc_task_t* const* tasks, size_t n) {
  return wait_start(tasks, n, 0);
}

ASYNCC__ABI int asyncc__asyncc_gather_take(asyncc_frame_t* frame) {
  return wait_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_gather, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_race_start(
    asyncc_task_t* const* tasks, size_t n) {
  return wait_start(tasks, n, 1);
}

ASYNCC__ABI int asyncc__asyncc_race_take(asyncc_frame_t* frame) {
  return wait_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_race, int)

/* ---- timeout ------------------------------------------------------------ */

/* The timer wakes the leaf like the task's end does; the leaf tells them
 * apart by whether the task has ended. */
typedef struct {
  asyncc__timer_leaf_t tl; /* header and timer, first */
  asyncc__node_t node;     /* on the task's future while waiting */
  asyncc_task_t* task;
  uint64_t ms;
  int timed_out; /* the timer fired and cancelled the task */
  int result;
} timeout_frame_t;

static void timeout_task_ended(asyncc__node_t* node, int status) {
  timeout_frame_t* f = container_of(node, timeout_frame_t, node);
  (void)status;
  asyncc__leaf_wake(&f->tl.hdr);
}

static int timeout_resume(asyncc_frame_t* fp) {
  timeout_frame_t* f = (timeout_frame_t*)fp;
  switch (fp->state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_timeout");
      if (!task_waitable(fp, f->task)) {
        f->result = UV_EINVAL;
        return ASYNCC_DONE;
      }
      if (f->task->future.flags & ASYNCC__TASK_DONE) {
        f->result =
            asyncc__leaf_cancelled(fp) ? UV_ECANCELED : f->task->future.status;
        return ASYNCC_DONE;
      }
      fp->state = 1;
      f->node.run = timeout_task_ended;
      asyncc__future_add_waiter(&f->task->future, &f->node);
      if (asyncc__leaf_cancelled(fp)) {
        fp->flags |= ASYNCC__FLAG_CANCEL;
        asyncc_task_cancel(f->task);
      } else {
        asyncc__timer_start(asyncc__leaf_runner(fp), &f->tl, f->ms);
      }
      return asyncc__leaf_suspend(fp);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        /* Cancelled: pass it on, keep waiting for the task. */
        asyncc__timer_stop(asyncc__leaf_runner(fp), &f->tl);
        asyncc_task_cancel(f->task);
        return ASYNCC_PENDING;
      }
      if (!(f->task->future.flags & ASYNCC__TASK_DONE)) {
        /* Woken by the timer: time is up. */
        f->timed_out = 1;
        asyncc_task_cancel(f->task);
        return asyncc__leaf_suspend(fp);
      }
      asyncc__timer_stop(asyncc__leaf_runner(fp), &f->tl);
      if (fp->flags & ASYNCC__FLAG_CANCEL)
        f->result = UV_ECANCELED;
      else if (f->timed_out)
        f->result = UV_ETIMEDOUT;
      else
        f->result = f->task->future.status;
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_timeout_start(asyncc_task_t* task,
                                                         uint64_t ms) {
  timeout_frame_t* f = asyncc__frame_alloc(sizeof *f);
  memset(f, 0, sizeof *f);
  f->tl.hdr.resume = timeout_resume;
  asyncc__timer_init(&f->tl);
  f->task = task;
  f->ms = ms;
  return &f->tl.hdr;
}

ASYNCC__ABI int asyncc__asyncc_timeout_take(asyncc_frame_t* frame) {
  timeout_frame_t* f = (timeout_frame_t*)frame;
  int r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}
ASYNCC__TAKE_INTO(asyncc_timeout, int)
