/* internal.h - declarations shared by the runtime's files (not installed).
 *
 * The uv-common.h of asyncc: helper macros, the task structure, the
 * protocol that hand-written leaf frames (asyncc_yield, asyncc_sleep, ...)
 * follow to suspend and be woken, and the _start/_take entry points of the
 * runtime's async functions, which generated code calls.
 *
 * The leaf protocol. A runtime async function is a frame like any generated
 * one (see asyncc/frame.h), whose resume function does the waiting:
 *
 *   state 0   start the operation; when it can finish at once return
 *             ASYNCC_DONE, else register with whatever will complete it,
 *             call asyncc__leaf_suspend(leaf) and return its result
 *             (ASYNCC_PENDING).
 *   later     the operation's callback calls asyncc__leaf_wake(leaf): the
 *             leaf's task goes on the ready queue, and on the next loop turn
 *             the runner resumes the leaf (ASYNCC__FLAG_WOKEN is set), which
 *             returns ASYNCC_DONE; the runner then resumes each parent in
 *             turn (a trampoline: the C stack does not grow with the depth
 *             of the chain).
 *   cancel    if the task is cancelled while the leaf is suspended and not
 *             yet woken, the runner resumes it with ASYNCC__FLAG_CANCEL set
 *             instead: the leaf detaches from its operation and returns
 *             ASYNCC_DONE with UV_ECANCELED, or, when it must wait for a
 *             callback first (a uv request in flight), returns ASYNCC_PENDING
 *             and is woken by that callback as usual; it then releases what
 *             the operation produced (an fd, a connection) and still
 *             reports UV_ECANCELED.
 *   result    a leaf whose operation completed (woken) before a
 *             cancellation reached it reports the operation's result, even
 *             if the task was cancelled in between: nothing completed is
 *             lost (a received message, an accepted connection). The
 *             task's next await reports UV_ECANCELED.
 *
 * A leaf started in a task that is already cancelled does not start its
 * operation: asyncc__leaf_start_cancelled() completes it with UV_ECANCELED
 * on the next turn (never at once, so code that loops on an await without
 * checking its result cannot spin without returning to the loop).
 */
#ifndef ASYNCC_INTERNAL_H
#define ASYNCC_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "asyncc.h"
#include "heap.h"
#include "queue.h"

/* Functions generated code calls are exported from a shared libasyncc even
 * though asyncc/frame.h cannot carry ASYNCC_EXTERN. */
#define ASYNCC__ABI __attribute__((visibility("default")))

/* asyncc_spawn(f(args)) joins through asyncc__f_take_into, which the
 * transpiler declares for every async function: the runtime's own have
 * one each, made from their _take. */
#define ASYNCC__TAKE_INTO(name, type)                                \
  ASYNCC__ABI void asyncc__##name##_take_into(asyncc_frame_t* frame, \
                                              void* out);            \
  ASYNCC__ABI void asyncc__##name##_take_into(asyncc_frame_t* frame, \
                                              void* out) {           \
    type r = asyncc__##name##_take(frame);                           \
    if (out) memcpy(out, &r, sizeof r);                              \
  }

#define container_of(ptr, type, member) \
  ((type*)((char*)(ptr)-offsetof(type, member)))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define ASYNCC__NORETURN __attribute__((noreturn))
#define ASYNCC__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ASYNCC__NORETURN
#define ASYNCC__PRINTF(f, a)
#endif

/* Prints "asyncc: <message>" to stderr and aborts. For conditions that
 * generated code has no way to report (out of memory for a frame, a
 * deadlocked asyncc_run). */
ASYNCC__NORETURN ASYNCC__PRINTF(1, 2) void asyncc__fatal(const char* fmt, ...);

/* Internal invariants: checked unless NDEBUG. */
#ifdef NDEBUG
#define ASYNCC__ASSERT(e) ((void)0)
#else
#define ASYNCC__ASSERT(e) \
  ((e) ? (void)0          \
       : asyncc__fatal("%s:%d: assertion failed: %s", __FILE__, __LINE__, #e))
#endif

/* ASYNCC__ASAN: built with AddressSanitizer (GCC or clang). The frame
 * allocator then gives each block its own malloc and the task pool poisons
 * its free slots, so a use after free is reported instead of recycled. */
#if defined(__SANITIZE_ADDRESS__)
#define ASYNCC__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASYNCC__ASAN 1
#endif
#endif

/* ---- Allocation (alloc.c) ---------------------------------------------- */

/* The replaceable allocator; these return NULL on failure. */
void* asyncc__malloc(size_t size);
void* asyncc__calloc(size_t count, size_t size);
void* asyncc__realloc(void* ptr, size_t size);
void asyncc__free(void* ptr);

/* Number of blocks from asyncc__frame_alloc not yet freed, over all
 * threads: frames and tasks. Tests check it returns to its old value. */
ASYNCC_EXTERN long asyncc__frame_live_count(void);

/* Counts 'n' more blocks as live (tasks, which come from their runner's
 * pool: task.c). */
void asyncc__frame_live_add(long n);

/* Returns the calling thread's free lists to the allocator. */
ASYNCC_EXTERN void asyncc__frame_trim(void);

/* ---- Rings of asyncc__node_t ------------------------------------------- */

/* A ring is a circular singly linked list named by its last node (NULL when
 * empty; last->next is the first): append and pop-first are O(1), removal
 * of an arbitrary node walks the ring. Futures keep their waiters in one,
 * channels their blocked senders and receivers. */

static inline void asyncc__ring_append(asyncc__node_t** ring,
                                       asyncc__node_t* node) {
  asyncc__node_t* last = *ring;
  if (last == NULL) {
    node->next = node;
  } else {
    node->next = last->next;
    last->next = node;
  }
  *ring = node;
}

static inline asyncc__node_t* asyncc__ring_pop(asyncc__node_t** ring) {
  asyncc__node_t* last = *ring;
  asyncc__node_t* first;
  if (last == NULL) return NULL;
  first = last->next;
  if (first == last)
    *ring = NULL;
  else
    last->next = first->next;
  first->next = NULL;
  return first;
}

/* Returns 0, or UV_ENOENT if 'node' is not in the ring. */
static inline int asyncc__ring_remove(asyncc__node_t** ring,
                                      asyncc__node_t* node) {
  asyncc__node_t* last = *ring;
  asyncc__node_t* prev;
  if (last == NULL) return UV_ENOENT;
  prev = last;
  do {
    if (prev->next == node) {
      if (node == prev) {
        *ring = NULL; /* it was the only node */
      } else {
        prev->next = node->next;
        if (node == last) *ring = prev;
      }
      node->next = NULL;
      return 0;
    }
    prev = prev->next;
  } while (prev != last);
  return UV_ENOENT;
}

/* ---- Frame flags (asyncc_frame_t.flags, "runtime use") ----------------- */

enum {
  ASYNCC__FLAG_WOKEN = 1u << 0,  /* asyncc__leaf_wake was called */
  ASYNCC__FLAG_CANCEL = 1u << 1, /* resumed to be cancelled, not woken */
};

/* Thread-local state of a library that is linked, not dlopen'ed: the
 * initial-exec model makes every access a plain load, even in PIC code. */
#if defined(__GNUC__)
#define ASYNCC__TLS _Thread_local __attribute__((tls_model("initial-exec")))
#else
#define ASYNCC__TLS _Thread_local
#endif

/* ---- Debug counters (runner.c) ----------------------------------------- */

/* uv handles the runtime initialized whose close callback has not run yet
 * (the runner's idle and timer, streams, child processes), and of those the
 * streams, each of which owns (at most) one file descriptor. Per thread,
 * like runners; tests check both return to 0. */
extern ASYNCC__TLS long asyncc__live_handles;
extern ASYNCC__TLS long asyncc__live_fds;
ASYNCC_EXTERN long asyncc__handle_live_count(void);
ASYNCC_EXTERN long asyncc__fd_live_count(void);

/* The calling thread's runner (runner.c). */
extern ASYNCC__TLS asyncc_runner_t* asyncc__current_runner;

/* ---- Tasks (task.c) ---------------------------------------------------- */

/* A task's state bits live in bits 5-15 of its future's flags (which uses
 * bit 0 and the top 16 bits), to keep the task at 56 bytes. */
enum {
  ASYNCC__TASK_WOKEN = 1u << 7,      /* queued by a wake-up (a leaf's
                                        asyncc__leaf_wake, or a yield), not
                                        by asyncc_task_cancel */
  ASYNCC__TASK_STARTED = 1u << 8,    /* its root has been resumed */
  ASYNCC__TASK_QUEUED = 1u << 9,     /* 'ready' is in the ready queue */
  ASYNCC__TASK_CANCEL = 1u << 10,    /* cancellation requested */
  ASYNCC__TASK_DONE = 1u << 11,      /* the root completed */
  ASYNCC__TASK_DETACHED = 1u << 12,  /* free it when done */
  ASYNCC__TASK_JOINED = 1u << 13,    /* a join claimed it */
  ASYNCC__TASK_ROOT = 1u << 14,      /* the task of asyncc__run */
  ASYNCC__TASK_NOTIFYING = 1u << 15, /* completing: do not free yet */
  ASYNCC__TASK_PARKED = 1u << 6,     /* 'wait' is in a future's waiters
                                        (asyncc__asyncc_future_wait_park) */
  ASYNCC__TASK_FUTURE = 1u << 5,     /* the future is a task's, which
                                        asyncc_future_close refuses: the
                                        pool tells a slot in use by its
                                        valid future (task.c) */
};

/* A task is 56 bytes. It belongs to the runner of the thread that created
 * it, which is the thread's current runner whenever its code runs, so it
 * keeps no pointer to it; nor is it on a list of the runner's (the runner
 * finds its tasks in its pool: task.c); the ready queue holds only tasks,
 * so one link is enough, and a task parked on a future (future.c) uses the
 * same word for its node there (and the next for the result of the wait);
 * its take_into is kept in its future's result slot (see
 * asyncc__task_take_into). */
struct asyncc_task_s {
  asyncc_future_t future; /* done when the task ends; status 0 or
                             UV_ECANCELED; 'flags' also holds
                             ASYNCC__TASK_*, 'result' the take_into */
  union {
    struct {
      asyncc_task_t* ready_next; /* queued: in the runner's ready queue */
      int park_result;           /* the result of its last parked wait, until
                                    its next await (future.c) */
    };
    asyncc__node_t wait; /* parked: in a future's waiters, with the future
                            where a node has its run function (future.c);
                            a task is never both queued and parked */
  };
  asyncc_frame_t* frame; /* the root until started and once done;
                            while suspended, the leaf it waits in (or,
                            after a yield or a park, the frame that awaited
                            it: see yield.c, future.c) */
};

_Static_assert(sizeof(asyncc_take_into_cb) == sizeof(void*),
               "take_into is kept in a void* slot");

/* The task's take_into (NULL: the root is not the task's to free). */
static inline asyncc_take_into_cb asyncc__task_take_into(
    const asyncc_task_t* t) {
  asyncc_take_into_cb cb;
  memcpy(&cb, &t->future.result, sizeof cb);
  return cb;
}

static inline void asyncc__task_set_take_into(asyncc_task_t* t,
                                              asyncc_take_into_cb cb) {
  memcpy(&t->future.result, &cb, sizeof cb);
}

/* Calls 'fn' on each task of 'runner' not yet freed (task.c: tasks live in
 * their runner's pool, which is how asyncc_run finds them at its end). 'fn' may
 * free the task it is given. */
void asyncc__runner_each_task(asyncc_runner_t* runner,
                              void (*fn)(asyncc_task_t* task));

/* Returns the runner's task pool to the allocator (no task may be left). */
void asyncc__runner_free_tasks(asyncc_runner_t* runner);

/* Creates a task for 'root' on 'runner' (not queued, not started). */
asyncc_task_t* asyncc__task_new(asyncc_runner_t* runner, asyncc_frame_t* root,
                                asyncc_take_into_cb take_into);

/* Releases the task and, if it has a take_into, its root frame (dropping
 * the result). The task must be done. */
void asyncc__task_free(asyncc_task_t* task);

/* Marks the task done with its root frame, completes its future, and
 * frees it if it is detached. */
void asyncc__task_complete(asyncc_task_t* t, asyncc_frame_t* root);

/* Joins 'task' from plain code: the task must be done. Stores the result,
 * frees the task and returns its status. */
int asyncc__task_take(asyncc_task_t* task, void* result_out);

/* ---- The leaf protocol (task.c) ---------------------------------------- */

/* ---- Frames and their task -------------------------------------------- */

/* A frame does not name its task (asyncc/frame.h). A task's root frame has
 * no parent frame: its 'parent' holds the task, with bit 0 set (a task is
 * at least 8-aligned), which tells the root from its descendants. A leaf
 * that callbacks wake (all of the runtime's but asyncc_yield) has its task
 * right after its header, in a field 'leaf_task' that asyncc__leaf_suspend
 * sets, so a wake-up finds the task in one step however deep the chain. */
static inline void asyncc__frame_set_task(asyncc_frame_t* root,
                                          asyncc_task_t* t) {
  root->parent = (asyncc_frame_t*)((uintptr_t)t | 1u);
}

static inline int asyncc__frame_is_root(const asyncc_frame_t* f) {
  return ((uintptr_t)f->parent & 1u) != 0;
}

/* The 'leaf_task' field of a leaf: right after the header. */
#define ASYNCC__LEAF_TASK(leaf) \
  (*(asyncc_task_t**)((char*)(leaf) + sizeof(asyncc_frame_t)))
#define ASYNCC__LEAF_TASK_CHECK(type)                                   \
  _Static_assert(offsetof(type, leaf_task) == sizeof(asyncc_frame_t) && \
                     offsetof(type, hdr) == 0,                          \
                 #type ": header, then leaf_task")

/* The task of a leaf whose resume function is running: the runner's
 * current task (frames are resumed only by asyncc__resume_in and, within
 * it, by their parents); NULL outside a task. */
static inline asyncc_task_t* asyncc__leaf_task(const asyncc_frame_t* leaf) {
  asyncc_runner_t* r = asyncc__current_runner;
  (void)leaf;
  return r != NULL ? r->current : NULL;
}

/* Non-zero if the leaf's task has been cancelled (from its resume). */
static inline int asyncc__leaf_cancelled(const asyncc_frame_t* leaf) {
  return (asyncc__leaf_task(leaf)->future.flags & ASYNCC__TASK_CANCEL) != 0;
}

/* The runner of the leaf's task: the thread's. */
static inline asyncc_runner_t* asyncc__leaf_runner(const asyncc_frame_t* f) {
  (void)f;
  return asyncc__current_runner;
}

/* ---- Futures (future.c) ------------------------------------------------ */

int asyncc__future_valid(const asyncc_future_t* future);

/* Completes 'future'; runs done callbacks and wakes waiters. */
void asyncc__future_complete(asyncc_future_t* future, int status, void* result);

/* Appends / removes a waiter node (not a public done callback). */
void asyncc__future_add_waiter(asyncc_future_t* future, asyncc__node_t* node);
int asyncc__future_remove_waiter(asyncc_future_t* future, asyncc__node_t* node);

/* Stops a parked task's wait (asyncc_task_cancel) and queues it to see
 * UV_ECANCELED. */
void asyncc__task_unpark_cancelled(asyncc_task_t* task);

/* Cancels the parked 'task' and every other task parked on its future, in
 * one walk of the future's waiters (asyncc_run's end, which cancels every
 * task). */
void asyncc__task_unpark_all_cancelled(asyncc_task_t* task);

/* ---- Runner (runner.c) ------------------------------------------------- */

enum {
  ASYNCC__RUNNER_IMPLICIT = 1u << 0,   /* the default-loop runner */
  ASYNCC__RUNNER_RUNNING = 1u << 1,    /* inside asyncc__run */
  ASYNCC__RUNNER_SHUTDOWN = 1u << 2,   /* asyncc__run is ending its tasks */
  ASYNCC__RUNNER_IDLE_INIT = 1u << 3,  /* 'idle' is initialized */
  ASYNCC__RUNNER_TIMER_INIT = 1u << 4, /* 'timer' is initialized */
  ASYNCC__RUNNER_IDLE_ON = 1u << 5,    /* 'idle' is started */
  ASYNCC__RUNNER_LOOPING = 1u << 6,    /* in uv_run(UV_RUN_DEFAULT) until the
                                          root task is done */
};

/* Initializes (once) and starts the idle handle that drains the ready
 * queue: asyncc__runner_push's slow path. */
void asyncc__runner_start_idle(asyncc_runner_t* runner);

/* ---- The hot path: queueing and the leaf protocol, inline -------------- */

/* Appends 'task' to the ready queue; it runs on the next loop turn.
 * 'ready_tail' points at the last task's link (at 'ready_head' when the
 * queue is empty). */
static inline void asyncc__runner_push(asyncc_runner_t* r, asyncc_task_t* t) {
  t->ready_next = NULL;
  *r->ready_tail = t;
  r->ready_tail = &t->ready_next;
  if (!(r->flags & ASYNCC__RUNNER_IDLE_ON)) asyncc__runner_start_idle(r);
}

/* Puts 'task' on its runner's ready queue unless it is there already. */
static inline void asyncc__task_enqueue(asyncc_task_t* t) {
  if (t->future.flags & ASYNCC__TASK_QUEUED) return;
  t->future.flags |= ASYNCC__TASK_QUEUED;
  asyncc__runner_push(asyncc__current_runner, t);
}

/* Records 'leaf' as the suspended frame of its task; returns
 * ASYNCC_PENDING for the leaf's resume function to return. */
static inline int asyncc__leaf_suspend(asyncc_frame_t* leaf) {
  asyncc_task_t* t = asyncc__leaf_task(leaf);
  leaf->flags &= ~ASYNCC__FLAG_WOKEN;
  ASYNCC__LEAF_TASK(leaf) = t;
  t->frame = leaf;
  return ASYNCC_PENDING;
}

/* Marks 'leaf' woken and queues its task to resume it on the next turn.
 * From a callback, or from the leaf's own resume. */
static inline void asyncc__leaf_wake(asyncc_frame_t* leaf) {
  asyncc_task_t* t = ASYNCC__LEAF_TASK(leaf);
  ASYNCC__ASSERT(t->frame == leaf);
  leaf->flags |= ASYNCC__FLAG_WOKEN;
  t->future.flags |= ASYNCC__TASK_WOKEN;
  asyncc__task_enqueue(t);
}

/* For a leaf that starts in a cancelled task: suspends it and wakes it
 * right away, so it resumes (and reports UV_ECANCELED) on the next turn.
 * Returns ASYNCC_PENDING. */
static inline int asyncc__leaf_start_cancelled(asyncc_frame_t* leaf) {
  asyncc__leaf_suspend(leaf);
  asyncc__leaf_wake(leaf);
  return ASYNCC_PENDING;
}

/* Resumes 'f' (a frame of task 't') and then each parent in turn while
 * they complete; when the root completes, completes its task. The one
 * place frames are resumed from the loop. 'r->current' is 't' while its
 * frames run and 'prev' while the task's done callbacks run; otherwise the
 * caller restores it (the drain once for all the tasks it runs). A completed
 * frame is not touched again: its parent frees it (_take) or reuses its memory
 * (an embedded frame). */
static inline void asyncc__resume_in(asyncc_runner_t* r, asyncc_task_t* t,
                                     asyncc_frame_t* f, asyncc_task_t* prev) {
  r->current = t;
  while (f->resume(f) == ASYNCC_DONE) {
    ASYNCC__ASSERT(f->parent != NULL);
    if (asyncc__frame_is_root(f)) {
      r->current = prev;
      asyncc__task_complete(t, f);
      return;
    }
    f = f->parent;
  }
}

/* The ready-queue entry of a task (runner.c's drain, on runner 'r', with
 * 'prev' the task that was current before it): start it, resume the frame
 * it was woken in, or deliver a cancellation to the leaf it is suspended
 * in. The frame a task was woken in is a leaf (asyncc__leaf_wake) or, for
 * a yield, the frame that awaited it (the yield had nothing left to do;
 * see yield.c): either way the task is ASYNCC__TASK_WOKEN. */
static inline void asyncc__task_run(asyncc_runner_t* r, asyncc_task_t* t,
                                    asyncc_task_t* prev) {
  asyncc_frame_t* f = t->frame;
  unsigned flags = t->future.flags;

  ASYNCC__ASSERT(!(flags & ASYNCC__TASK_DONE));
  t->future.flags = flags & ~(ASYNCC__TASK_QUEUED | ASYNCC__TASK_WOKEN);
  if (!(flags & ASYNCC__TASK_WOKEN)) {
    if (!(flags & ASYNCC__TASK_STARTED)) {
      t->future.flags |= ASYNCC__TASK_STARTED;
    } else {
      /* Queued by asyncc_task_cancel; deliver it once. */
      if (!(flags & ASYNCC__TASK_CANCEL) || (f->flags & ASYNCC__FLAG_CANCEL))
        return;
      f->flags |= ASYNCC__FLAG_CANCEL;
    }
  }
  asyncc__resume_in(r, t, f, prev);
}

/* Prepares a leaf's header for state 0, as every _init does. */
static inline void asyncc__leaf_init(asyncc_frame_t* leaf,
                                     asyncc_resume_cb resume) {
  asyncc__frame_init(leaf, resume);
}

ASYNCC__NORETURN void asyncc__leaf_outside_task(const char* what);

/* Aborts with a message naming 'what' if 'leaf' is not running in a task
 * (awaited from a frame that no runner started). */
static inline void asyncc__leaf_check(const asyncc_frame_t* leaf,
                                      const char* what) {
  asyncc_runner_t* r = asyncc__current_runner;
  (void)leaf;
  if (r == NULL || r->current == NULL) asyncc__leaf_outside_task(what);
}

/* The calling thread's runner; creates the implicit one on the default
 * loop if the thread has none. */
ASYNCC_EXTERN asyncc_runner_t* asyncc__runner_get(void);

/* ---- Timers (timer.c) -------------------------------------------------- */

/* A timer of the runner's heap is a leaf frame shaped like asyncc_sleep's
 * (asyncc/leaves.h): a header, the key (due time << 22 | start order) that
 * becomes the int result once the leaf completes, and a heap node. A leaf
 * with a timer (sleep, timeout) starts with an asyncc__timer_leaf_t. When
 * the timer fires, the runner wakes that leaf, which tells a fired timer
 * from its other wake-ups with asyncc__timer_active. */
typedef struct asyncc__asyncc_sleep_frame asyncc__timer_leaf_t;
ASYNCC__LEAF_TASK_CHECK(struct asyncc__asyncc_sleep_frame);
ASYNCC__LEAF_TASK_CHECK(struct asyncc__asyncc_future_wait_frame);
ASYNCC__LEAF_TASK_CHECK(struct asyncc__asyncc_chan_send_frame);
ASYNCC__LEAF_TASK_CHECK(struct asyncc__asyncc_chan_recv_frame);

/* Wakes the leaf once 'ms' milliseconds have passed (measured from the
 * loop's cached time, as uv_timer_start does). Never fails. */
void asyncc__timer_start(asyncc_runner_t* runner, asyncc__timer_leaf_t* leaf,
                         uint64_t ms);

/* Removes a started timer that has not fired (harmless otherwise). */
void asyncc__timer_stop(asyncc_runner_t* runner, asyncc__timer_leaf_t* leaf);

/* Non-zero while started and not yet fired or stopped. */
static inline int asyncc__timer_active(const asyncc__timer_leaf_t* leaf) {
  return leaf->timer_node.parent != &leaf->timer_node;
}

/* Marks a timer inactive (before its first start). */
static inline void asyncc__timer_init(asyncc__timer_leaf_t* leaf) {
  leaf->timer_node.parent = &leaf->timer_node;
}

/* ---- Buffers of any size (fs.c, stream.c) ------------------------------ */

/* The most one uv_buf_t is made to carry: uv_buf_init takes an unsigned
 * int, and 1 GiB stays below what Linux moves in one read or write
 * (2 GiB - 4 KiB), so a byte count fits an int. A read or file write of
 * more moves at most this much (a short count, as read(2) may give); a
 * stream write splits into buffers of this size and writes everything. */
#define ASYNCC__IO_CHUNK ((size_t)1 << 30)

static inline unsigned int asyncc__io_chunk(size_t len) {
  return (unsigned int)(len < ASYNCC__IO_CHUNK ? len : ASYNCC__IO_CHUNK);
}

/* ---- SIGPIPE (signal.c) ------------------------------------------------ */

/* Sets SIGPIPE to SIG_IGN, once per process, if it has its default
 * disposition, so that a write to a closed peer returns UV_EPIPE instead
 * of killing the process. Called before anything the runtime writes to a
 * socket or pipe with: a stream's init, a file write. */
void asyncc__sigpipe_ignore(void);

/* ---- ABI of the runtime's async functions ------------------------------ */

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_yield_start(void);
ASYNCC__ABI int asyncc__asyncc_yield_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_sleep_start(uint64_t ms);
ASYNCC__ABI int asyncc__asyncc_sleep_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_future_wait_start(
    asyncc_future_t* future);
ASYNCC__ABI int asyncc__asyncc_future_wait_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_task_join_start(asyncc_task_t* task,
                                                           void* result_out);
ASYNCC__ABI int asyncc__asyncc_task_join_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_gather_start(
    asyncc_task_t* const* tasks, size_t n);
ASYNCC__ABI int asyncc__asyncc_gather_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_race_start(
    asyncc_task_t* const* tasks, size_t n);
ASYNCC__ABI int asyncc__asyncc_race_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_timeout_start(asyncc_task_t* task,
                                                         uint64_t ms);
ASYNCC__ABI int asyncc__asyncc_timeout_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_chan_send_start(asyncc_chan_t* ch,
                                                           const void* elem);
ASYNCC__ABI int asyncc__asyncc_chan_send_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_chan_recv_start(asyncc_chan_t* ch,
                                                           void* elem_out);
ASYNCC__ABI int asyncc__asyncc_chan_recv_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_open_start(const char* path,
                                                         int flags, int mode);
ASYNCC__ABI int asyncc__asyncc_fs_open_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_close_start(uv_file fd);
ASYNCC__ABI int asyncc__asyncc_fs_close_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_read_start(uv_file fd, void* buf,
                                                         size_t len,
                                                         int64_t offset);
ASYNCC__ABI ssize_t asyncc__asyncc_fs_read_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_write_start(uv_file fd,
                                                          const void* buf,
                                                          size_t len,
                                                          int64_t offset);
ASYNCC__ABI ssize_t asyncc__asyncc_fs_write_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_stat_start(const char* path,
                                                         uv_stat_t* out);
ASYNCC__ABI int asyncc__asyncc_fs_stat_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_fstat_start(uv_file fd,
                                                          uv_stat_t* out);
ASYNCC__ABI int asyncc__asyncc_fs_fstat_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_unlink_start(const char* path);
ASYNCC__ABI int asyncc__asyncc_fs_unlink_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_rename_start(const char* path,
                                                           const char* to);
ASYNCC__ABI int asyncc__asyncc_fs_rename_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_mkdir_start(const char* path,
                                                          int mode);
ASYNCC__ABI int asyncc__asyncc_fs_mkdir_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_rmdir_start(const char* path);
ASYNCC__ABI int asyncc__asyncc_fs_rmdir_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_fsync_start(uv_file fd);
ASYNCC__ABI int asyncc__asyncc_fs_fsync_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_opendir_start(const char* path,
                                                            uv_dir_t** dir_out);
ASYNCC__ABI int asyncc__asyncc_fs_opendir_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_readdir_start(
    uv_dir_t* dir, asyncc_dirent_t* entries, size_t n);
ASYNCC__ABI int asyncc__asyncc_fs_readdir_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_closedir_start(uv_dir_t* dir);
ASYNCC__ABI int asyncc__asyncc_fs_closedir_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_accept_start(
    asyncc_stream_t* server, asyncc_stream_t* client);
ASYNCC__ABI int asyncc__asyncc_stream_accept_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_tcp_connect_start(
    asyncc_stream_t* s, const struct sockaddr* addr);
ASYNCC__ABI int asyncc__asyncc_tcp_connect_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_pipe_connect_start(
    asyncc_stream_t* s, const char* name);
ASYNCC__ABI int asyncc__asyncc_pipe_connect_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_read_start(asyncc_stream_t* s,
                                                             void* buf,
                                                             size_t len);
ASYNCC__ABI ssize_t asyncc__asyncc_stream_read_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_write_start(
    asyncc_stream_t* s, const void* buf, size_t len);
ASYNCC__ABI int asyncc__asyncc_stream_write_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_shutdown_start(
    asyncc_stream_t* s);
ASYNCC__ABI int asyncc__asyncc_stream_shutdown_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_stream_close_start(
    asyncc_stream_t* s);
ASYNCC__ABI int asyncc__asyncc_stream_close_take(asyncc_frame_t* frame);

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_getaddrinfo_start(
    const char* node, const char* service, const struct addrinfo* hints,
    struct addrinfo** res);
ASYNCC__ABI int asyncc__asyncc_getaddrinfo_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_queue_work_start(asyncc_work_fn fn,
                                                            void* arg);
ASYNCC__ABI int asyncc__asyncc_queue_work_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_process_run_start(
    const uv_process_options_t* options, int64_t* exit_status,
    int* term_signal);
ASYNCC__ABI int asyncc__asyncc_process_run_take(asyncc_frame_t* frame);
ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_process_exec_start(
    asyncc_process_t* process, const uv_process_options_t* options,
    int64_t* exit_status, int* term_signal);
ASYNCC__ABI int asyncc__asyncc_process_exec_take(asyncc_frame_t* frame);

#endif /* ASYNCC_INTERNAL_H */
