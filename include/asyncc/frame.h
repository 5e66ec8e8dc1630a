/* asyncc/frame.h - the ABI between transpiler output and the runtime.
 *
 * For transpiler output; not a user API. Everything here may change between
 * versions of asyncc; code that asyncc generates is rebuilt with the runtime.
 *
 * Every async function F is lowered to a frame struct and a resume function:
 *
 *   struct asyncc__F_frame {
 *     asyncc_frame_t hdr;       header, always the first member
 *     RET asyncc__ret;          the return value (absent for void)
 *     ...parameters, locals live across an await, temporaries...
 *   };
 *   static int asyncc__F_resume(asyncc_frame_t* frame);   ASYNCC_DONE/PENDING
 *
 * and exports, with F's linkage, the two entry points other translation
 * units use (they cannot see the frame's layout):
 *
 *   asyncc_frame_t* asyncc__F_start(PARAMS...);
 *   RET asyncc__F_take(asyncc_frame_t* frame);   result, then frees the frame
 *
 * _start allocates the frame, stores the arguments and sets state 0; it does
 * not run any of F's body. The caller then calls frame->resume(frame)
 * directly: a call that completes without suspending never touches the event
 * loop. When it returns ASYNCC_PENDING, some leaf frame of the chain has
 * registered itself with the runtime; when that leaf is woken, the runtime
 * resumes it and then each parent in turn (a trampoline, so finishing a deep
 * chain does not grow the C stack) until a resume returns ASYNCC_PENDING or
 * the task's root frame is done.
 *
 * Embedded frames: a callee's frame may instead live inside its caller's
 * frame (a union, asyncc__u, of the frames it awaits), prepared by
 * asyncc__F_init(&f->asyncc__u.F, args...) and read through its asyncc__ret
 * once it completed; no _take and no free follow. A same-file callee's
 * _init prepares only its state (asyncc__frame_init_embedded), and the
 * caller calls its resume function directly (ASYNCC__AWAIT_EMBEDDED),
 * linking the header only if it suspends. Besides same-file callees, the
 * runtime's cheap leaves offer embedding (asyncc_yield, asyncc_sleep,
 * asyncc_future_wait, asyncc_chan_send, asyncc_chan_recv): their complete
 * frame types, exported _init functions and the contract (a completed
 * embedded leaf owns nothing; a suspended one stays in place until it
 * completes; cancellation completes it with UV_ECANCELED) are in
 * asyncc/leaves.h.
 */
#ifndef ASYNCC_FRAME_H
#define ASYNCC_FRAME_H

#include <stddef.h>
#include <string.h> /* memcpy, used by generated code for array locals */

#ifdef __cplusplus
extern "C" {
#endif

typedef struct asyncc_frame_s asyncc_frame_t;
typedef struct asyncc_task_s asyncc_task_t;

/* Runs 'frame' from its current state until it completes (ASYNCC_DONE) or
 * suspends (ASYNCC_PENDING). */
typedef int (*asyncc_resume_cb)(asyncc_frame_t* frame);

/* Marks generated static functions that a program may not use. */
#if defined(__GNUC__) || defined(__clang__)
#define ASYNCC__MAYBE_UNUSED __attribute__((unused))
#else
#define ASYNCC__MAYBE_UNUSED
#endif

/* Marks generated resume functions. Awaits of same-file callees call
 * them directly; kept out of line, a suspension's dispatch switch and
 * resume labels do not land in the caller, where GCC measured slower
 * (bench/await) and warned of temporaries the inlined switch skips. */
#if defined(__GNUC__) || defined(__clang__)
#define ASYNCC__NOINLINE __attribute__((noinline))
#else
#define ASYNCC__NOINLINE
#endif

/* Marks an anonymous union member, which C99 lacks: GCC and clang accept
 * it in every mode and, after __extension__, stay quiet under -pedantic. */
#if defined(__GNUC__) || defined(__clang__)
#define ASYNCC__EXTENSION __extension__
#else
#define ASYNCC__EXTENSION
#endif

/* What a resume function returns. */
enum { ASYNCC_DONE = 0, ASYNCC_PENDING = 1 };

/* 24 bytes on 64-bit targets. A frame does not name its task: while its
 * code runs, the task is the runner's current one; a task's root frame
 * keeps the task in 'parent' (runtime use: a tagged pointer, which marks
 * the root), and a runtime leaf that callbacks wake keeps its task in a
 * field of its own (asyncc/leaves.h). */
#define ASYNCC_FRAME_FIELDS                                                  \
  asyncc_resume_cb resume; /* first, so any frame can be resumed generically \
                            */                                               \
  asyncc_frame_t* parent;  /* the frame awaiting this one; NULL until run;   \
                              in a task's root, its task (runtime use) */    \
  int state;               /* resume point: 0 = not started */               \
  int flags;               /* runtime use */

struct asyncc_frame_s {
  ASYNCC_FRAME_FIELDS
};

/* Prepares the header of a frame for state 0 (what every _init does
 * first): the runtime's fields stay out of generated code. */
static inline void asyncc__frame_init(asyncc_frame_t* frame,
                                      asyncc_resume_cb resume) {
  frame->resume = resume;
  frame->parent = NULL;
  frame->state = 0;
  frame->flags = 0;
}

/* Prepares the header of an embedded frame (one inside its caller's) for
 * state 0. Its 'resume' and 'parent' are read only once it has suspended,
 * so ASYNCC__AWAIT_EMBEDDED sets them then: an await that completes at
 * once costs a direct call and no header stores beyond this one. */
static inline void asyncc__frame_init_embedded(asyncc_frame_t* frame) {
  frame->state = 0;
  frame->flags = 0;
}

/* Frame memory. Frames come from size-class free lists; running out of
 * memory for a frame has no error channel in the awaiting expression, so it
 * prints a message and aborts, as a C stack overflow would. */
void* asyncc__frame_alloc(size_t size);
void asyncc__frame_free(void* frame, size_t size);

/* asyncc__frame_alloc aligns frames to 16 bytes, as malloc does. A frame
 * that needs more (a local declared _Alignas(64), a value of an
 * over-aligned type) comes from asyncc__frame_alloc_over. Generated code
 * calls the _aligned forms with the frame's alignment, a constant that the
 * compiler folds into one of the two calls. */
#define ASYNCC__FRAME_ALIGN 16
void* asyncc__frame_alloc_over(size_t size, size_t align);
void asyncc__frame_free_over(void* frame, size_t size, size_t align);

#if defined(__cplusplus)
#define ASYNCC__ALIGNOF(T) alignof(T)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define ASYNCC__ALIGNOF(T) _Alignof(T)
#else
/* clang-format off */
#define ASYNCC__ALIGNOF(T) offsetof(struct { char c; T t; }, t)
/* clang-format on */
#endif

static inline void* asyncc__frame_alloc_aligned(size_t size, size_t align) {
  return align <= ASYNCC__FRAME_ALIGN ? asyncc__frame_alloc(size)
                                      : asyncc__frame_alloc_over(size, align);
}

static inline void asyncc__frame_free_aligned(void* frame, size_t size,
                                              size_t align) {
  if (align <= ASYNCC__FRAME_ALIGN)
    asyncc__frame_free(frame, size);
  else
    asyncc__frame_free_over(frame, size, align);
}

/* Runs the calling thread's event loop until 'root' (a frame fresh from an
 * asyncc__F_start(...) call) completes; returns 'root' for _take. */
asyncc_frame_t* asyncc__run(asyncc_frame_t* root);

/* Starts 'child' from inside a resume function: links it to 'parent' and
 * runs it until its first suspension. Returns ASYNCC_DONE or
 * ASYNCC_PENDING. */
static inline int asyncc__frame_call(asyncc_frame_t* parent,
                                     asyncc_frame_t* child) {
  child->parent = parent;
  return child->resume(child);
}

/* The suspension protocol of one await, used by generated code:
 *
 *   ASYNCC__AWAIT(f, child, 3);
 *
 * runs 'child' (an asyncc_frame_t*); if it suspends, records resume point 3
 * and returns ASYNCC_PENDING to the caller of the resume function. The
 * resume function's dispatch switch jumps to the label asyncc__L3 placed
 * here when the frame is resumed. The label's statement is 'if (0) {}',
 * which compiles to nothing: after a label with an empty statement, GCC's
 * -Wimplicit-fallthrough ignores the user's fallthrough comments. */
#define ASYNCC__AWAIT(f, child, n)                               \
  do {                                                           \
    if (asyncc__frame_call(&(f)->hdr, (child)) != ASYNCC_DONE) { \
      (f)->hdr.state = (n);                                      \
      return ASYNCC_PENDING;                                     \
    }                                                            \
    asyncc__L##n : if (0) {}                                     \
  } while (0)

/* The await of a callee whose frame is embedded in ours and whose resume
 * function 'resume_fn' is known (defined in the same file): a direct call,
 * and the header links the runtime needs only if the callee suspended. */
#define ASYNCC__AWAIT_EMBEDDED(f, child, resume_fn, n) \
  do {                                                 \
    if (resume_fn(child) != ASYNCC_DONE) {             \
      (child)->resume = (resume_fn);                   \
      (child)->parent = &(f)->hdr;                     \
      (f)->hdr.state = (n);                            \
      return ASYNCC_PENDING;                           \
    }                                                  \
    asyncc__L##n : if (0) {}                           \
  } while (0)

/* The await of a runtime leaf that always suspends and is complete when
 * resumed (asyncc_yield; asyncc/leaves.h): 'suspend' is the call of its
 * asyncc__F_suspend, which queues our task to resume us and returns the
 * leaf's result; we store it in the embedded frame 'child' (an
 * asyncc__F_frame, never run) and suspend. The leaf's frame header is never
 * touched: a yield costs one call and no stores but the result's. */
#define ASYNCC__AWAIT_SUSPEND(f, child, suspend, n) \
  do {                                              \
    (child)->asyncc__ret = (suspend);               \
    (f)->hdr.state = (n);                           \
    return ASYNCC_PENDING;                          \
    asyncc__L##n : if (0) {}                        \
  } while (0)

/* Awaiting a leaf that waits without a frame of its own
 * (asyncc_future_wait; asyncc/leaves.h): 'park' is the call of its
 * asyncc__F_park, which returns 1 when our task now waits (we suspend, and
 * are resumed at state n) and 0 when the result is already known; the
 * await's value is then asyncc__F_result(). */
#define ASYNCC__AWAIT_PARK(f, park, n) \
  do {                                 \
    if (park) {                        \
      (f)->hdr.state = (n);            \
      return ASYNCC_PENDING;           \
      asyncc__L##n : if (0) {}         \
    }                                  \
  } while (0)

/* Deep descents. Starting a callee is a C call, so an async recursion
 * that does not suspend uses the C stack as deeply as a C recursion
 * would, and more per level. A callee started with less than
 * ASYNCC__STACK_WINDOW of stack left below the point where the runner
 * began resuming (asyncc__stack_low) is deferred instead: linked to its
 * parent, made the frame its task resumes, and the task queued
 * (asyncc__defer, which returns ASYNCC_PENDING); the chain unwinds and the
 * callee starts on the next loop turn from the runner's own depth. Frames
 * whose start can recurse (the ones from _start) are awaited with
 * ASYNCC__AWAIT_HEAP; an embedded frame cannot recurse. */
int asyncc__stack_low(void);
int asyncc__defer(asyncc_frame_t* child);

#define ASYNCC__AWAIT_HEAP(f, child, n)                                  \
  do {                                                                   \
    (child)->parent = &(f)->hdr;                                         \
    if ((asyncc__stack_low() ? asyncc__defer(child)                      \
                             : (child)->resume(child)) != ASYNCC_DONE) { \
      (f)->hdr.state = (n);                                              \
      return ASYNCC_PENDING;                                             \
    }                                                                    \
    asyncc__L##n : if (0) {}                                             \
  } while (0)

/* A function asyncc had to macro-expand was expanded with clang's own
 * <stdatomic.h>, whose macros use clang's __c11_atomic_* builtins. GCC has
 * none of them; its __atomic_* builtins take the same arguments and memory
 * orders (compare-exchange adds 'weak'; init and is_lock_free add one). */
#if defined(__GNUC__) && !defined(__clang__)
#define __c11_atomic_load __atomic_load_n
#define __c11_atomic_store __atomic_store_n
#define __c11_atomic_exchange __atomic_exchange_n
#define __c11_atomic_fetch_add __atomic_fetch_add
#define __c11_atomic_fetch_sub __atomic_fetch_sub
#define __c11_atomic_fetch_and __atomic_fetch_and
#define __c11_atomic_fetch_or __atomic_fetch_or
#define __c11_atomic_fetch_xor __atomic_fetch_xor
#define __c11_atomic_thread_fence __atomic_thread_fence
#define __c11_atomic_signal_fence __atomic_signal_fence
#define __c11_atomic_compare_exchange_strong(p, e, d, s, f) \
  __atomic_compare_exchange_n(p, e, d, 0, s, f)
#define __c11_atomic_compare_exchange_weak(p, e, d, s, f) \
  __atomic_compare_exchange_n(p, e, d, 1, s, f)
#define __c11_atomic_init(p, v) __atomic_store_n(p, v, __ATOMIC_RELAXED)
#define __c11_atomic_is_lock_free(n) __atomic_is_lock_free(n, 0)
#endif

#ifdef __cplusplus
}
#endif
#endif /* ASYNCC_FRAME_H */
