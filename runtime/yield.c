/* yield.c - asyncc_yield: resume on a later turn of the event loop.
 *
 * The leaf suspends and wakes itself at once: its task goes to the back of
 * the ready queue and runs on the next drain, after the loop has polled for
 * I/O. Tasks that yield in a loop therefore take turns round-robin, and
 * none of them starves I/O. The frame (asyncc/leaves.h) is the header and
 * the result; generated code embeds it in the awaiting frame, and its
 * _init is inline there.
 *
 * A yield has nothing left to do once its task runs again, so it completes
 * as it suspends (result set, state done) and the task is queued to resume
 * the frame that awaited it, not the leaf: one resume fewer per switch.
 * Generated code goes further (ASYNCC__AWAIT_SUSPEND): it calls
 * asyncc__asyncc_yield_suspend itself and never runs the leaf's frame, so
 * a switch stores nothing in it but the result. ASYNCC__TASK_WOKEN tells
 * the runner that this is a wake-up, not the delivery of a cancellation.
 * A task cancelled while a yield is queued still sees the yield return 0
 * (the yield happened); its next await reports the cancellation.
 */
#include "internal.h"

typedef struct asyncc__asyncc_yield_frame yield_frame_t;

enum { YIELD_DONE = 1 };

ASYNCC__ABI int asyncc__asyncc_yield_suspend(asyncc_frame_t* awaiting) {
  asyncc_runner_t* r = asyncc__current_runner;
  asyncc_task_t* t = r != NULL ? r->current : NULL;
  unsigned flags;

  if (t == NULL) asyncc__leaf_outside_task("asyncc_yield");
  flags = t->future.flags;
  t->frame = awaiting;
  t->future.flags = flags | ASYNCC__TASK_WOKEN | ASYNCC__TASK_QUEUED;
  if (!(flags & ASYNCC__TASK_QUEUED)) asyncc__runner_push(r, t);
  return (flags & ASYNCC__TASK_CANCEL) ? UV_ECANCELED : 0;
}

ASYNCC__ABI int asyncc__asyncc_yield_resume(asyncc_frame_t* fp) {
  yield_frame_t* f = (yield_frame_t*)fp;

  if (fp->state != 0) return ASYNCC_DONE; /* resumed as a root frame */
  /* A yield spawned as a task's root has no awaiting frame: the runner
   * resumes the leaf itself, which returns ASYNCC_DONE. */
  if (asyncc__frame_is_root(fp)) {
    fp->state = YIELD_DONE;
    f->asyncc__ret = asyncc__asyncc_yield_suspend(fp);
  } else {
    f->asyncc__ret = asyncc__asyncc_yield_suspend(fp->parent);
  }
  return ASYNCC_PENDING;
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
ASYNCC__TAKE_INTO(asyncc_yield, int)
