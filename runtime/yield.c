/* yield.c - asyncc_yield: resume on a later turn of the event loop.
 *
 * The leaf suspends and wakes itself at once: its task goes to the back of
 * the ready queue and runs on the next drain, after the loop has polled for
 * I/O. Tasks that yield in a loop therefore take turns round-robin, and
 * none of them starves I/O. The frame is only the header; the result is
 * kept in the state (2: 0, 3: UV_ECANCELED).
 */
#include "internal.h"

enum { YIELD_WAITING = 1, YIELD_OK = 2, YIELD_CANCELED = 3 };

static int yield_resume(asyncc_frame_t* f) {
  switch (f->state) {
    case 0:
      asyncc__leaf_check(f, "asyncc_yield");
      if (asyncc__leaf_cancelled(f)) {
        f->state = YIELD_CANCELED;
        return asyncc__leaf_start_cancelled(f);
      }
      f->state = YIELD_WAITING;
      asyncc__leaf_suspend(f);
      asyncc__leaf_wake(f);
      return ASYNCC_PENDING;
    case YIELD_WAITING:
      /* Woken by itself: the yield happened, even if the task was
       * cancelled while queued (its next await reports that). */
      f->state = YIELD_OK;
      return ASYNCC_DONE;
    default:
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_yield_start(void) {
  asyncc_frame_t* f = asyncc__frame_alloc(sizeof *f);
  f->resume = yield_resume;
  f->parent = NULL;
  f->task = NULL;
  f->state = 0;
  f->flags = 0;
  return f;
}

ASYNCC__ABI int asyncc__asyncc_yield_take(asyncc_frame_t* frame) {
  int r = frame->state == YIELD_CANCELED ? UV_ECANCELED : 0;
  asyncc__frame_free(frame, sizeof *frame);
  return r;
}
