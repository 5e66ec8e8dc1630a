/* task.c - asyncc_task_t: a chain of frames driven by the runner.
 *
 * A task owns a root frame (from asyncc__F_start) and runs it to the end.
 * It is suspended in exactly one leaf frame at a time, so one ready-queue
 * node per task is enough: waking a leaf queues its task, and the runner
 * resumes task->frame (the leaf) and then its parents (asyncc__resume, the
 * trampoline). Keeping the queue link in the task rather than in every leaf
 * keeps leaves small; keeping the suspended leaf in the task is what lets
 * asyncc_task_cancel reach it.
 *
 * Life cycle: spawned (queued, not started) -> started -> suspended/queued
 * ... -> done (the root returned ASYNCC_DONE; the task's future completes
 * with 0 or UV_ECANCELED) -> freed by a join, by detach, or by the end of
 * asyncc_run. The root frame is freed with the task through take_into,
 * which first copies the result out for a join.
 *
 * Also here: the leaf protocol (see internal.h) and the asyncc_task_join
 * leaf.
 */
#include "internal.h"

/* ---- The pool ------------------------------------------------------------
 *
 * A runner's tasks come from chunks of its own, so that asyncc_run can find
 * every task at its end (to cancel what still runs and free what nobody
 * joined) by walking the chunks, without a list link in each task: a
 * million parked tasks cost no more than their tasks and frames. A slot is
 * in use while its future is valid (asyncc_future_close marks it dead);
 * free slots are linked through 'ready_next'. Under AddressSanitizer a
 * free slot is poisoned, so a task used after it was freed is reported. */

#define TASKS_PER_CHUNK 1168 /* a chunk of about 64 KiB */

typedef struct task_chunk_s task_chunk_t;
struct task_chunk_s {
  task_chunk_t* next; /* the next older chunk */
  size_t used;        /* slots handed out at least once */
  asyncc_task_t tasks[TASKS_PER_CHUNK];
};

#ifdef ASYNCC__ASAN
#include <sanitizer/asan_interface.h>
#define slot_poison(t) ASAN_POISON_MEMORY_REGION((t), sizeof(asyncc_task_t))
#define slot_unpoison(t) ASAN_UNPOISON_MEMORY_REGION((t), sizeof(asyncc_task_t))
#define slot_is_free(t) \
  (__asan_address_is_poisoned(t) || !asyncc__future_valid(&(t)->future))
#define chunk_unpoison(c) ASAN_UNPOISON_MEMORY_REGION((c), sizeof *(c))
#else
#define chunk_unpoison(c) ((void)0)
#define slot_poison(t) ((void)0)
#define slot_unpoison(t) ((void)0)
#define slot_is_free(t) (!asyncc__future_valid(&(t)->future))
#endif

static asyncc_task_t* task_slot(asyncc_runner_t* r) {
  asyncc_task_t* t = r->task_free;
  task_chunk_t* c;
  if (t != NULL) {
    slot_unpoison(t);
    r->task_free = t->ready_next;
    return t;
  }
  c = r->task_chunks; /* the newest */
  if (c == NULL || c->used == TASKS_PER_CHUNK) {
    c = asyncc__malloc(sizeof *c);
    if (c == NULL) asyncc__fatal("out of memory allocating a task");
    c->next = r->task_chunks;
    c->used = 0;
    r->task_chunks = c;
  }
  return &c->tasks[c->used++];
}

void asyncc__runner_each_task(asyncc_runner_t* r,
                              void (*fn)(asyncc_task_t* task)) {
  task_chunk_t* c;
  size_t i;
  for (c = r->task_chunks; c != NULL; c = c->next)
    for (i = 0; i < c->used; i++)
      if (!slot_is_free(&c->tasks[i])) fn(&c->tasks[i]);
}

void asyncc__runner_free_tasks(asyncc_runner_t* r) {
  task_chunk_t* c = r->task_chunks;
  ASYNCC__ASSERT(r->task_count == 0);
  while (c != NULL) {
    task_chunk_t* next = c->next;
    chunk_unpoison(c);
    asyncc__free(c);
    c = next;
  }
  r->task_chunks = NULL;
  r->task_free = NULL;
}

asyncc_task_t* asyncc__task_new(asyncc_runner_t* runner, asyncc_frame_t* root,
                                asyncc_take_into_cb take_into) {
  asyncc_task_t* t = task_slot(runner);
  asyncc_future_init(&t->future);
  t->future.flags |= ASYNCC__TASK_FUTURE;
  t->future.data = NULL;
  asyncc__task_set_take_into(t, take_into);
  t->ready_next = NULL;
  t->frame = root;
  runner->task_count++;
  runner->task_running++;
  asyncc__frame_live_add(1);
  asyncc__frame_set_task(root, t);
  return t;
}

void asyncc__task_free(asyncc_task_t* t) {
  asyncc_runner_t* r = asyncc__current_runner;
  ASYNCC__ASSERT(t->future.flags & ASYNCC__TASK_DONE);
  asyncc_take_into_cb take_into = asyncc__task_take_into(t);
  if (take_into != NULL) take_into(t->frame, NULL);
  r->task_count--;
  asyncc__frame_live_add(-1);
  t->future.flags &= ~ASYNCC__TASK_FUTURE;
  if (asyncc_future_close(&t->future) != 0) /* the slot is free */
    asyncc__fatal("a task was freed with waiters");
  t->ready_next = r->task_free;
  r->task_free = t;
  slot_poison(t);
}

int asyncc__task_take(asyncc_task_t* t, void* result_out) {
  int status = t->future.status;
  asyncc_take_into_cb take_into = asyncc__task_take_into(t);
  if (take_into != NULL) take_into(t->frame, result_out);
  asyncc__task_set_take_into(t, NULL); /* the root is freed */
  asyncc__task_free(t);
  return status;
}

void asyncc__task_complete(asyncc_task_t* t, asyncc_frame_t* root) {
  t->frame = root;
  /* Done callbacks run inside asyncc__future_complete and may detach the
   * task: NOTIFYING defers the free to here. */
  t->future.flags |= ASYNCC__TASK_DONE | ASYNCC__TASK_NOTIFYING;
  asyncc__current_runner->task_running--;
  /* The result slot keeps the take_into. */
  asyncc__future_complete(
      &t->future, (t->future.flags & ASYNCC__TASK_CANCEL) ? UV_ECANCELED : 0,
      t->future.result);
  t->future.flags &= ~ASYNCC__TASK_NOTIFYING;
  /* asyncc_run's loop stops once its root task is done (runner.c). */
  if ((t->future.flags & ASYNCC__TASK_ROOT) &&
      (asyncc__current_runner->flags & ASYNCC__RUNNER_LOOPING))
    uv_stop(asyncc__current_runner->loop);
  if (t->future.flags & ASYNCC__TASK_DETACHED) asyncc__task_free(t);
}

/* asyncc__resume and asyncc__task_run are inline in internal.h: the
 * runner's drain is their hot caller. */

/* ---- The leaf protocol ------------------------------------------------- */

void asyncc__leaf_outside_task(const char* what) {
  asyncc__fatal(
      "%s was awaited outside a task; async code must be started by "
      "asyncc_run() or asyncc_spawn()",
      what);
}

/* ---- Public API -------------------------------------------------------- */

ASYNCC__ABI asyncc_task_t* asyncc__spawn(asyncc_frame_t* root,
                                         asyncc_take_into_cb take_into) {
  asyncc_runner_t* r;
  asyncc_task_t* t;
  if (root == NULL || take_into == NULL) return NULL;
  r = asyncc__runner_get();
  t = asyncc__task_new(r, root, take_into);
  /* asyncc_run is ending every task: a new one starts cancelled. */
  if (r->flags & ASYNCC__RUNNER_SHUTDOWN)
    t->future.flags |= ASYNCC__TASK_CANCEL;
  asyncc__task_enqueue(t);
  return t;
}

int asyncc_task_cancel(asyncc_task_t* t) {
  if (t == NULL) return UV_EINVAL;
  if (t->future.flags & (ASYNCC__TASK_DONE | ASYNCC__TASK_CANCEL)) return 0;
  t->future.flags |= ASYNCC__TASK_CANCEL;
  /* A suspended task is woken to deliver it; a queued one sees the flag
   * when it runs, and a running one (cancelling itself) at its next
   * await. A parked one stops waiting here. */
  if (t->future.flags & ASYNCC__TASK_PARKED)
    asyncc__task_unpark_cancelled(t);
  else if ((t->future.flags & ASYNCC__TASK_STARTED) &&
           !(t->future.flags & ASYNCC__TASK_QUEUED) &&
           asyncc__current_runner->current != t)
    asyncc__task_enqueue(t);
  return 0;
}

int asyncc_task_detach(asyncc_task_t* t) {
  if (t == NULL ||
      (t->future.flags &
       (ASYNCC__TASK_DETACHED | ASYNCC__TASK_JOINED | ASYNCC__TASK_ROOT)))
    return UV_EINVAL;
  t->future.flags |= ASYNCC__TASK_DETACHED;
  if ((t->future.flags & ASYNCC__TASK_DONE) &&
      !(t->future.flags & ASYNCC__TASK_NOTIFYING))
    asyncc__task_free(t);
  return 0;
}

int asyncc_task_is_done(const asyncc_task_t* t) {
  return t != NULL && (t->future.flags & ASYNCC__TASK_DONE) != 0;
}

int asyncc_task_is_cancelled(const asyncc_task_t* t) {
  return t != NULL && (t->future.flags & ASYNCC__TASK_CANCEL) != 0;
}

asyncc_future_t* asyncc_task_get_future(asyncc_task_t* t) {
  return t == NULL ? NULL : &t->future;
}

asyncc_task_t* asyncc_task_current(void) {
  asyncc_runner_t* r = asyncc_runner_current();
  return r == NULL ? NULL : r->current;
}

/* ---- async int asyncc_task_join(asyncc_task_t* task, void* out) -------- */

typedef struct {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  asyncc__node_t node;      /* in task->future's waiters while suspended */
  asyncc_task_t* task;
  void* out;
  int result;
} join_frame_t;
ASYNCC__LEAF_TASK_CHECK(join_frame_t);

static void join_wake(asyncc__node_t* node, int status) {
  join_frame_t* f = container_of(node, join_frame_t, node);
  (void)status;
  asyncc__leaf_wake(&f->hdr);
}

/* The result is the task's status, or UV_ECANCELED if the joiner's own
 * cancellation reached this join (before or while it waited). */
static int join_finish(join_frame_t* f, int cancelled) {
  int status = asyncc__task_take(f->task, f->out);
  f->task = NULL;
  f->result = cancelled ? UV_ECANCELED : status;
  return ASYNCC_DONE;
}

static int join_resume(asyncc_frame_t* fp) {
  join_frame_t* f = (join_frame_t*)fp;
  asyncc_task_t* t = f->task;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_task_join");
      if (t == NULL || t == asyncc__leaf_task(fp) ||
          (t->future.flags &
           (ASYNCC__TASK_DETACHED | ASYNCC__TASK_JOINED | ASYNCC__TASK_ROOT))) {
        f->result = UV_EINVAL;
        return ASYNCC_DONE;
      }
      t->future.flags |= ASYNCC__TASK_JOINED;
      if (t->future.flags & ASYNCC__TASK_DONE)
        return join_finish(f, asyncc__leaf_cancelled(fp));
      /* A cancelled joiner passes the cancellation on, then still waits:
       * the joined task's result is never lost. */
      if (asyncc__leaf_cancelled(fp)) {
        asyncc_task_cancel(t);
        fp->flags |= ASYNCC__FLAG_CANCEL;
      }
      f->hdr.state = 1;
      f->node.run = join_wake;
      asyncc__future_add_waiter(&t->future, &f->node);
      return asyncc__leaf_suspend(fp);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        asyncc_task_cancel(t);
        return ASYNCC_PENDING;
      }
      return join_finish(f, (fp->flags & ASYNCC__FLAG_CANCEL) != 0);
  }
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_task_join_start(asyncc_task_t* task,
                                                           void* result_out) {
  join_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__leaf_init(&f->hdr, join_resume);
  f->node.next = NULL;
  f->task = task;
  f->out = result_out;
  f->result = 0;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_task_join_take(asyncc_frame_t* frame) {
  join_frame_t* f = (join_frame_t*)frame;
  int r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}
ASYNCC__TAKE_INTO(asyncc_task_join, int)
