/* asyncc/leaves.h - frames of the runtime's own async functions, for
 * generated code to embed (included by asyncc.h; not a user API).
 *
 * A leaf F of the runtime (asyncc_yield, asyncc_sleep, asyncc_future_wait,
 * asyncc_chan_send, asyncc_chan_recv) has, like any
 * generated async function (see asyncc/frame.h), a complete frame type
 *
 *   struct asyncc__F_frame {
 *     asyncc_frame_t hdr;      header, first
 *     RET asyncc__ret;         the result, once the frame has completed
 *     ...private fields...     (the runtime's; do not touch)
 *   };
 *
 * and, besides asyncc__F_start/_take, an initializer
 *
 *   void asyncc__F_init(struct asyncc__F_frame* f, PARAMS...);
 *
 * which prepares state 0 in caller-provided memory exactly as _start does
 * in memory of its own (it does not run anything). Generated code keeps the
 * frame inside the awaiting frame (its union asyncc__u of callee frames)
 * and awaits it with
 *
 *   asyncc__asyncc_sleep_init(&f->asyncc__u.asyncc_sleep, ms);
 *   ASYNCC__AWAIT(f, &f->asyncc__u.asyncc_sleep.hdr, 3);
 *   ... f->asyncc__u.asyncc_sleep.asyncc__ret ...
 *
 * Once the frame has completed (its resume function returned ASYNCC_DONE,
 * called directly or by the runner), asyncc__ret holds what _take would
 * have returned, and the frame owns nothing: no list, heap or handle of the
 * runtime refers to it any more, so the memory may be reused (for the next
 * await) or dropped with no further call. There is no _take for an
 * embedded frame. A frame that is suspended must stay where it is until it
 * completes; cancelling the task completes it as usual (asyncc__ret is then
 * UV_ECANCELED). The memory needs no particular initial contents.
 *
 * The private fields are declared with the runtime's real types (the
 * libuv way: private fields in a public header), so the sizes are exact;
 * they may change with any version of asyncc.
 */
#ifndef ASYNCC_LEAVES_H
#define ASYNCC_LEAVES_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Private: a node of the runner's timer heap (runtime/heap.h). */
typedef struct asyncc__heap_node_s asyncc__heap_node_t;
struct asyncc__heap_node_s {
  asyncc__heap_node_t* left;
  asyncc__heap_node_t* right;
  asyncc__heap_node_t* parent; /* itself while not in a heap */
};

/* ---- async int asyncc_yield(void) -------------------------------------- */

struct asyncc__asyncc_yield_frame {
  asyncc_frame_t hdr;
  int asyncc__ret; /* 0, or UV_ECANCELED */
};
/* Private: the leaf's resume function. */
ASYNCC_EXTERN int asyncc__asyncc_yield_resume(asyncc_frame_t* frame);
/* Inline, unlike the other leaves' _init: with the resume function in
 * sight the compiler calls it directly. */
static inline void asyncc__asyncc_yield_init(
    struct asyncc__asyncc_yield_frame* f) {
  asyncc__frame_init(&f->hdr, asyncc__asyncc_yield_resume);
  f->asyncc__ret = 0;
}
/* A yield always suspends and has nothing left to do when it is resumed,
 * so an embedded one is awaited without running its frame at all
 * (ASYNCC__AWAIT_SUSPEND, asyncc/frame.h): this queues the task of
 * 'awaiting' to resume 'awaiting' on the next loop turn and returns the
 * yield's result. Its frame only holds that result. */
ASYNCC_EXTERN int asyncc__asyncc_yield_suspend(asyncc_frame_t* awaiting);

/* ---- async int asyncc_sleep(uint64_t ms) ------------------------------- */

/* 64 bytes: the result shares its slot with the timer's key, which is
 * only needed while the sleep is pending. */
struct asyncc__asyncc_sleep_frame {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* private: its task, while suspended */
  ASYNCC__EXTENSION union {
    int asyncc__ret; /* 0, or UV_ECANCELED, once completed */
    /* private: 'ms' until started, then due time (loop ms) << 22 | start
     * order mod 2^22 */
    uint64_t timer_key;
  };
  asyncc__heap_node_t timer_node; /* private: in the runner's timer heap */
};
ASYNCC_EXTERN void asyncc__asyncc_sleep_init(
    struct asyncc__asyncc_sleep_frame* f, uint64_t ms);

/* ---- async int asyncc_future_wait(asyncc_future_t* future) ------------- */

/* 56 bytes: the result shares its slot with the future, which is only
 * needed until the wait ends. */
struct asyncc__asyncc_future_wait_frame {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* private: its task, while suspended */
  ASYNCC__EXTENSION union {
    int asyncc__ret; /* the future's status, UV_ECANCELED or UV_EINVAL, once
                        completed */
    asyncc_future_t* future; /* private: until then */
  };
  asyncc__node_t node; /* private: in future->waiters while suspended */
};
ASYNCC_EXTERN void asyncc__asyncc_future_wait_init(
    struct asyncc__asyncc_future_wait_frame* f, asyncc_future_t* future);
/* An await of it needs no frame at all (ASYNCC__AWAIT_PARK,
 * asyncc/frame.h): _park makes the task of 'awaiting' wait on 'future'
 * itself and returns 1 (the awaiting frame suspends, and is resumed where
 * it left off when the future completes or the task is cancelled), or 0
 * when the result is known at once; either way _result then returns it
 * (until the task's next await). */
ASYNCC_EXTERN int asyncc__asyncc_future_wait_park(asyncc_frame_t* awaiting,
                                                  asyncc_future_t* future);
ASYNCC_EXTERN int asyncc__asyncc_future_wait_result(void);

/* ---- async int asyncc_chan_send(asyncc_chan_t*, const void* elem) ------
 * ---- async int asyncc_chan_recv(asyncc_chan_t*, void* elem_out) -------- */

/* The two frames have the same layout (72 bytes). */
#define ASYNCC__CHAN_FRAME_FIELDS                                             \
  asyncc_frame_t hdr;                                                         \
  asyncc_task_t* leaf_task; /* private: its task, while suspended */          \
  int asyncc__ret; /* 0, UV_EPIPE / UV_EOF, UV_ECANCELED, UV_EINVAL */        \
  /* private */                                                               \
  asyncc__node_t node; /* in the channel's senders/receivers while blocked */ \
  asyncc_chan_t* ch;                                                          \
  void* elem; /* send: the element (only read); recv: the destination */

struct asyncc__asyncc_chan_send_frame {
  ASYNCC__CHAN_FRAME_FIELDS
};
struct asyncc__asyncc_chan_recv_frame {
  ASYNCC__CHAN_FRAME_FIELDS
};
ASYNCC_EXTERN void asyncc__asyncc_chan_send_init(
    struct asyncc__asyncc_chan_send_frame* f, asyncc_chan_t* ch,
    const void* elem);
ASYNCC_EXTERN void asyncc__asyncc_chan_recv_init(
    struct asyncc__asyncc_chan_recv_frame* f, asyncc_chan_t* ch,
    void* elem_out);

#ifdef __cplusplus
}
#endif
#endif /* ASYNCC_LEAVES_H */
