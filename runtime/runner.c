/* runner.c - asyncc_runner_t: the ready queue on a libuv loop, and
 * asyncc_run.
 *
 * One runner per thread (a thread-local pointer). Woken tasks are appended
 * to the ready queue, a FIFO of tasks, which a uv_idle_t drains
 * once per loop turn. The idle handle is active only while the queue is not
 * empty: an active idle handle makes libuv poll for I/O with a zero timeout,
 * so the loop never blocks while work is ready, and never spins when none
 * is. Each drain runs only the nodes that were queued before it started;
 * what they queue runs on the next turn, after the loop has polled for I/O
 * again. So a task that yields in a loop cannot starve I/O, and I/O
 * callbacks (which only queue tasks) cannot starve the ready queue.
 *
 * The implicit runner: a thread that has none when it first needs one gets
 * the process-wide runner on uv_default_loop(). Only one thread at a time
 * may hold it (libuv loops are not thread-safe); asyncc__run releases it,
 * closing its handles, when it returns, so the program can uv_loop_close
 * the default loop afterwards.
 */
#include <stdatomic.h>
#include <string.h>

#include "internal.h"

ASYNCC__TLS asyncc_runner_t* asyncc__current_runner;
ASYNCC__TLS long asyncc__live_handles;
ASYNCC__TLS long asyncc__live_fds;

long asyncc__handle_live_count(void) { return asyncc__live_handles; }
long asyncc__fd_live_count(void) { return asyncc__live_fds; }
#define current_runner asyncc__current_runner

static asyncc_runner_t implicit_runner;
static atomic_int implicit_taken;

static void runner_setup(asyncc_runner_t* r, uv_loop_t* loop) {
  void* data = r->data;
  memset(r, 0, sizeof *r);
  r->data = data;
  r->loop = loop;
  r->ready_tail = &r->ready_head;
  asyncc__heap_init(&r->timers);
}

int asyncc_runner_init(asyncc_runner_t* runner, uv_loop_t* loop) {
  if (runner == NULL || loop == NULL) return UV_EINVAL;
  if (current_runner != NULL) return UV_EBUSY;
  runner_setup(runner, loop);
  current_runner = runner;
  return 0;
}

asyncc_runner_t* asyncc__runner_get(void) {
  int expected = 0;
  if (current_runner != NULL) return current_runner;
  if (!atomic_compare_exchange_strong(&implicit_taken, &expected, 1))
    asyncc__fatal(
        "the default loop's runner is in use by another thread; call "
        "asyncc_runner_init() with a loop of this thread's own first");
  runner_setup(&implicit_runner, uv_default_loop());
  implicit_runner.flags |= ASYNCC__RUNNER_IMPLICIT;
  current_runner = &implicit_runner;
  return current_runner;
}

static void handle_closed(uv_handle_t* handle) {
  asyncc_runner_t* r = handle->data;
  r->closing--;
  asyncc__live_handles--;
}

int asyncc_runner_close(asyncc_runner_t* runner) {
  if (runner == NULL || runner != current_runner) return UV_EINVAL;
  if ((runner->flags & ASYNCC__RUNNER_RUNNING) || runner->task_count != 0)
    return UV_EBUSY;
  ASYNCC__ASSERT(runner->ready_head == NULL);
  if (runner->flags & ASYNCC__RUNNER_IDLE_INIT) {
    runner->idle.data = runner;
    runner->closing++;
    uv_close((uv_handle_t*)&runner->idle, handle_closed);
  }
  if (runner->flags & ASYNCC__RUNNER_TIMER_INIT) {
    runner->timer.data = runner;
    runner->closing++;
    uv_close((uv_handle_t*)&runner->timer, handle_closed);
  }
  /* Closing an idle or timer handle completes within one loop iteration. */
  while (runner->closing > 0) uv_run(runner->loop, UV_RUN_NOWAIT);
  asyncc__runner_free_tasks(runner);
  runner->flags &= ~(ASYNCC__RUNNER_IDLE_INIT | ASYNCC__RUNNER_IDLE_ON |
                     ASYNCC__RUNNER_TIMER_INIT);
  current_runner = NULL;
  if (runner->flags & ASYNCC__RUNNER_IMPLICIT) atomic_store(&implicit_taken, 0);
  return 0;
}

asyncc_runner_t* asyncc_runner_current(void) { return current_runner; }

uv_loop_t* asyncc_runner_get_loop(const asyncc_runner_t* runner) {
  return runner == NULL ? NULL : runner->loop;
}

uv_loop_t* asyncc_loop(void) {
  return current_runner != NULL ? current_runner->loop : uv_default_loop();
}

/* ---- Deep descents (asyncc/frame.h) ----------------------------------- */

/* How much C stack an async descent may use below the point where the
 * runner resumes tasks before a callee's start is deferred to the next
 * loop turn: well under the smallest stacks threads get (the tests run a
 * runner on 256 KiB), and a deferral per window is a loop turn per
 * hundreds of calls. */
#define STACK_WINDOW ((uintptr_t)64 * 1024)

/* The depth of the calling function's frame on the C stack (its frame
 * address: with ASan's fake stacks, a local's address is not on it). */
#define STACK_HERE() ((uintptr_t)__builtin_frame_address(0))

/* Marks the current depth as where resumptions start. */
static void mark_stack(asyncc_runner_t* r) {
  uintptr_t at = STACK_HERE();
  r->stack_end = at > STACK_WINDOW ? at - STACK_WINDOW : 0;
}

ASYNCC__ABI int asyncc__stack_low(void) {
  asyncc_runner_t* r = current_runner;
  return r != NULL && STACK_HERE() < r->stack_end;
}

ASYNCC__ABI int asyncc__defer(asyncc_frame_t* child) {
  asyncc_runner_t* r = current_runner;
  asyncc_task_t* t = r->current;
  /* resumed like a frame a yield woke: from its state 0 */
  t->frame = child;
  t->future.flags |= ASYNCC__TASK_WOKEN;
  asyncc__task_enqueue(t);
  return ASYNCC_PENDING;
}

/* ---- The ready queue --------------------------------------------------- */

static void idle_cb(uv_idle_t* handle) {
  asyncc_runner_t* r = container_of(handle, asyncc_runner_t, idle);
  asyncc_task_t* t = r->ready_head;
  asyncc_task_t* prev = r->current;

  mark_stack(r);
  /* Take the queue as it is now; tasks queued while running these go to a
   * fresh queue and run on the next turn. A queued task is not freed
   * before it runs (it has not ended), so 'next' stays valid. */
  r->ready_head = NULL;
  r->ready_tail = &r->ready_head;
  while (t != NULL) {
    asyncc_task_t* next = t->ready_next;
    asyncc__task_run(r, t, prev);
    t = next;
  }
  r->current = prev;
  if (r->ready_head == NULL) {
    uv_idle_stop(&r->idle);
    r->flags &= ~ASYNCC__RUNNER_IDLE_ON;
  }
}

void asyncc__runner_start_idle(asyncc_runner_t* r) {
  if (!(r->flags & ASYNCC__RUNNER_IDLE_INIT)) {
    uv_idle_init(r->loop, &r->idle);
    asyncc__live_handles++;
    r->flags |= ASYNCC__RUNNER_IDLE_INIT;
  }
  uv_idle_start(&r->idle, idle_cb);
  r->flags |= ASYNCC__RUNNER_IDLE_ON;
}

/* ---- asyncc_run -------------------------------------------------------- */

static size_t tasks_not_done(asyncc_runner_t* r) { return r->task_running; }

/* Turns the loop until 'task' is done, or (task == NULL) until every task
 * of the runner is. For the root task the loop runs in UV_RUN_DEFAULT and
 * asyncc__task_complete stops it (uv_stop) when the root is done: a loop
 * turn of UV_RUN_ONCE reads the clock once more than a turn of
 * UV_RUN_DEFAULT, which on a VM is a good part of a turn. The end of
 * asyncc_run (every task) takes one turn at a time. */
static void run_until_done(asyncc_runner_t* r, asyncc_task_t* task) {
  for (;;) {
    int alive;
    if (task != NULL ? (task->future.flags & ASYNCC__TASK_DONE) != 0
                     : tasks_not_done(r) == 0)
      return;
    if (task != NULL) {
      r->flags |= ASYNCC__RUNNER_LOOPING;
      alive = uv_run(r->loop, UV_RUN_DEFAULT);
      r->flags &= ~ASYNCC__RUNNER_LOOPING;
    } else {
      alive = uv_run(r->loop, UV_RUN_ONCE);
    }
    if (!alive && (task != NULL ? !(task->future.flags & ASYNCC__TASK_DONE)
                                : tasks_not_done(r) != 0))
      asyncc__fatal(
          "asyncc_run: deadlock: %zu task(s) still waiting, but the event "
          "loop has nothing left to do (a future that is never resolved, or "
          "tasks waiting on each other)",
          tasks_not_done(r));
  }
}

/* Every task is being cancelled: a parked one takes the others parked on
 * its future along (future.c). */
static void cancel_one(asyncc_task_t* t) {
  if (t->future.flags & ASYNCC__TASK_PARKED)
    asyncc__task_unpark_all_cancelled(t);
  else
    asyncc_task_cancel(t);
}

ASYNCC__ABI asyncc_frame_t* asyncc__run(asyncc_frame_t* root) {
  asyncc_runner_t* r = asyncc__runner_get();
  asyncc_task_t *task, *prev;

  if (r->flags & ASYNCC__RUNNER_RUNNING)
    asyncc__fatal(
        "asyncc_run: called while this thread's runner is already running "
        "(from async code or a loop callback); await the call instead");
  r->flags |= ASYNCC__RUNNER_RUNNING;

  /* The root is not the task's to free: the caller takes its result. */
  task = asyncc__task_new(r, root, NULL);
  task->future.flags |= ASYNCC__TASK_STARTED | ASYNCC__TASK_ROOT;
  mark_stack(r);
  prev = r->current;
  asyncc__resume_in(r, task, root, prev);
  r->current = prev;
  run_until_done(r, task);

  /* Like asyncio.run: what is still running is cancelled and run to its
   * end; what nobody joined is dropped. */
  r->flags |= ASYNCC__RUNNER_SHUTDOWN;
  asyncc__runner_each_task(r, cancel_one);
  run_until_done(r, NULL);
  asyncc__runner_each_task(r, asyncc__task_free); /* 'task' too: its
                                                     take_into is NULL */
  r->flags &= ~(ASYNCC__RUNNER_RUNNING | ASYNCC__RUNNER_SHUTDOWN);

  if (r->flags & ASYNCC__RUNNER_IMPLICIT) asyncc_runner_close(r);
  return root;
}
