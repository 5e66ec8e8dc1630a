/* yield.c - asyncc_yield: resume on a later turn of the event loop.
 *
 * The leaf suspends and wakes itself at once: its task goes to the back of
 * the ready queue and runs on the next drain, after the loop has polled for
 * I/O. Tasks that yield in a loop therefore take turns round-robin, and
 * none of them starves I/O. The frame (asyncc/leaves.h) is the header and
 * the result; generated code embeds it in the awaiting frame.
 */
#include "internal.h"

typedef struct asyncc__asyncc_yield_frame yield_frame_t;

enum { YIELD_WAITING = 1, YIELD_DONE = 2 };

static int yield_resume(asyncc_frame_t* fp) {
  yield_frame_t* f = (yield_frame_t*)fp;
  switch (fp->state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_yield");
      fp->state = YIELD_DONE;
      if (asyncc__leaf_cancelled(fp)) {
        f->asyncc__ret = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      fp->state = YIELD_WAITING;
      asyncc__leaf_suspend(fp);
      asyncc__leaf_wake(fp);
      return ASYNCC_PENDING;
    case YIELD_WAITING:
      /* Woken by itself: the yield happened, even if the task was
       * cancelled while queued (its next await reports that). */
      fp->state = YIELD_DONE;
      return ASYNCC_DONE;
    default:
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI void asyncc__asyncc_yield_init(yield_frame_t* f) {
  asyncc__leaf_init(&f->hdr, yield_resume);
  f->asyncc__ret = 0;
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_yield_start(void) {
  yield_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__asyncc_yield_init(f);
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_yield_take(asyncc_frame_t* frame) {
  int r = ((yield_frame_t*)frame)->asyncc__ret;
  asyncc__frame_free(frame, sizeof(yield_frame_t));
  return r;
}
