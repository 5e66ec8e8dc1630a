/* timer.c - the runner's timer heap, and asyncc_sleep.
 *
 * All pending sleeps and timeouts of a runner sit in one intrusive min-heap
 * ordered by (due time, start order), and one uv_timer_t is armed for the
 * earliest. A timer that fires wakes the leaf frame it is embedded in. A
 * sleeping task therefore costs a heap node in its sleep frame, not a
 * uv_timer_t (whose memory could only be released after uv_close's callback).
 * The uv_timer_t is stopped whenever the heap is empty, so an idle runner does
 * not keep the loop alive.
 *
 * Due times use the loop's cached time (uv_now), as uv_timer_start does, so
 * a sleep started from a callback is measured from the start of that loop
 * iteration.
 */
#include "internal.h"

/* Keys are (due << 22 | start order mod 2^22): one comparison orders by
 * due time, and timers due in the same millisecond by start order (exact
 * unless more than 4 million of them start within that millisecond). 42
 * bits of milliseconds of loop time last 139 years. */
#define SEQ_BITS 22
#define DUE_MAX ((UINT64_C(1) << (64 - SEQ_BITS)) - 1)

static int timer_less(const asyncc__heap_node_t* a,
                      const asyncc__heap_node_t* b) {
  return container_of(a, asyncc__timer_leaf_t, timer_node)->timer_key <
         container_of(b, asyncc__timer_leaf_t, timer_node)->timer_key;
}

static void uv_timer_fired(uv_timer_t* handle);

/* Arms the uv_timer_t for the earliest timer, or stops it. */
static void arm(asyncc_runner_t* r) {
  asyncc__heap_node_t* min = asyncc__heap_min(&r->timers);
  uint64_t now;
  uint64_t due;

  if (min == NULL) {
    if (r->flags & ASYNCC__RUNNER_TIMER_INIT) uv_timer_stop(&r->timer);
    return;
  }
  if (!(r->flags & ASYNCC__RUNNER_TIMER_INIT)) {
    uv_timer_init(r->loop, &r->timer);
    asyncc__live_handles++;
    r->flags |= ASYNCC__RUNNER_TIMER_INIT;
  }
  due = container_of(min, asyncc__timer_leaf_t, timer_node)->timer_key >>
        SEQ_BITS;
  now = uv_now(r->loop);
  uv_timer_start(&r->timer, uv_timer_fired, due > now ? due - now : 0, 0);
}

static void uv_timer_fired(uv_timer_t* handle) {
  asyncc_runner_t* r = container_of(handle, asyncc_runner_t, timer);
  uint64_t now = uv_now(r->loop);
  asyncc__heap_node_t* min;

  while ((min = asyncc__heap_min(&r->timers)) != NULL) {
    asyncc__timer_leaf_t* t =
        container_of(min, asyncc__timer_leaf_t, timer_node);
    if ((t->timer_key >> SEQ_BITS) > now) break;
    asyncc__heap_remove(&r->timers, min, timer_less);
    min->parent = min; /* inactive */
    asyncc__leaf_wake(&t->hdr);
  }
  arm(r);
}

void asyncc__timer_start(asyncc_runner_t* r, asyncc__timer_leaf_t* leaf,
                         uint64_t ms) {
  uint64_t now = uv_now(r->loop);
  uint64_t due = ms >= DUE_MAX - now ? DUE_MAX : now + ms;
  leaf->timer_key = due << SEQ_BITS | (r->timer_seq++ & ((1u << SEQ_BITS) - 1));
  asyncc__heap_insert(&r->timers, &leaf->timer_node, timer_less);
  if (asyncc__heap_min(&r->timers) == &leaf->timer_node) arm(r);
}

void asyncc__timer_stop(asyncc_runner_t* r, asyncc__timer_leaf_t* leaf) {
  if (!asyncc__timer_active(leaf)) return;
  asyncc__heap_remove(&r->timers, &leaf->timer_node, timer_less);
  asyncc__timer_init(leaf);
  /* An early wakeup for a removed minimum is harmless (the callback finds
   * nothing due and re-arms); an armed timer with nothing behind it would
   * keep the loop alive, so that case is handled now. */
  if (asyncc__heap_min(&r->timers) == NULL) arm(r);
}

/* ---- async int asyncc_sleep(uint64_t ms) ------------------------------- */

/* The frame (asyncc/leaves.h) is a header, the key (holding 'ms' until the
 * start) that becomes the result, and a heap node: 64 bytes. */
typedef asyncc__timer_leaf_t sleep_frame_t;

enum { SLEEP_WAITING = 1, SLEEP_DONE = 2 };

static int sleep_resume(asyncc_frame_t* fp) {
  sleep_frame_t* f = (sleep_frame_t*)fp;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_sleep");
      if (asyncc__leaf_cancelled(fp)) {
        f->hdr.state = SLEEP_DONE;
        f->asyncc__ret = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      f->hdr.state = SLEEP_WAITING;
      asyncc__timer_start(asyncc__leaf_runner(fp), f, f->timer_key);
      return asyncc__leaf_suspend(fp);
    case SLEEP_WAITING:
      f->hdr.state = SLEEP_DONE;
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        asyncc__timer_stop(asyncc__leaf_runner(fp), f);
        f->asyncc__ret = UV_ECANCELED;
      } else {
        f->asyncc__ret = 0; /* it had ended: the sleep happened */
      }
      return ASYNCC_DONE;
    default:
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI void asyncc__asyncc_sleep_init(sleep_frame_t* f, uint64_t ms) {
  asyncc__leaf_init(&f->hdr, sleep_resume);
  asyncc__timer_init(f);
  f->timer_key = ms;
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_sleep_start(uint64_t ms) {
  sleep_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__asyncc_sleep_init(f, ms);
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_sleep_take(asyncc_frame_t* frame) {
  int r = ((sleep_frame_t*)frame)->asyncc__ret;
  asyncc__frame_free(frame, sizeof(sleep_frame_t));
  return r;
}
ASYNCC__TAKE_INTO(asyncc_sleep, int)
