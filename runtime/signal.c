/* signal.c - asyncc_signal_wait: await the delivery of a signal.
 *
 * The uv_signal_t lives in the frame and is started one-shot: the first
 * delivery stops it and closes it, and the frame completes only after the
 * handle's close callback, so no handle outlives its frame. Cancelling
 * closes the handle the same way and waits for the callback. A signal that
 * arrived before the cancellation reached the leaf is still reported (0):
 * nothing completed is lost.
 *
 * While the wait is pending the handle is referenced: a task waiting for a
 * signal keeps the loop alive, as a server waiting for SIGTERM must.
 *
 * Also here: SIGPIPE, which writes to a closed peer must not die of.
 */
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

#include "internal.h"

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_signal_wait_start(int signum);
ASYNCC__ABI int asyncc__asyncc_signal_wait_take(asyncc_frame_t* frame);

/* ---- SIGPIPE ------------------------------------------------------------ */

/* libuv writes to sockets and pipes with write(2)/writev(2), not
 * send(MSG_NOSIGNAL), so a write whose reader is gone raises SIGPIPE,
 * whose default action kills the process before the write can return
 * UV_EPIPE. The first stream or file write of the process therefore sets
 * SIGPIPE to SIG_IGN, unless the program has chosen a disposition of its
 * own (Python and Node ignore it at startup). Children keep the default:
 * uv_spawn resets every disposition in the child. */

static atomic_int sigpipe_checked; /* asyncc__sigpipe_ignore has run */
static atomic_int sigpipe_ours;    /* and set SIG_IGN, or will */
static atomic_int sigpipe_waits;   /* asyncc_signal_wait(SIGPIPE)s whose
                                      handle is started */

static void sigpipe_set_ignored(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_IGN;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGPIPE, &sa, NULL);
}

void asyncc__sigpipe_ignore(void) {
  struct sigaction sa;
  if (atomic_load_explicit(&sigpipe_checked, memory_order_relaxed) ||
      atomic_exchange(&sigpipe_checked, 1))
    return;
  if (sigaction(SIGPIPE, NULL, &sa) != 0) return;
  if (sa.sa_handler == SIG_DFL) {
    sigpipe_set_ignored();
    atomic_store(&sigpipe_ours, 1);
  } else if (atomic_load(&sigpipe_waits) > 0) {
    /* The handler is libuv's, for a wait of ours, which leaves SIG_DFL
     * behind: ignore it once the waits have ended. */
    atomic_store(&sigpipe_ours, 1);
  }
}

/* A wait's handle for 'signum' has started. */
static void sigpipe_wait_started(int signum) {
  if (signum == SIGPIPE) atomic_fetch_add(&sigpipe_waits, 1);
}

/* A wait's handle for 'signum' has stopped (by its delivery, or uv_close).
 * libuv sets a signal back to SIG_DFL when its last handle for it stops,
 * not to what it was: after a wait for SIGPIPE, the runtime's SIG_IGN is
 * put back at once, before a write to a closed peer can kill the process. */
static void sigpipe_wait_ended(int signum) {
  struct sigaction sa;
  if (signum != SIGPIPE) return;
  atomic_fetch_sub(&sigpipe_waits, 1);
  if (!atomic_load(&sigpipe_ours)) return;
  if (sigaction(SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL)
    sigpipe_set_ignored();
}

/* ---- async int asyncc_signal_wait(int signum) --------------------------- */

enum { SIGNAL_WAITING = 1, SIGNAL_DONE = 2 };

typedef struct {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  uv_signal_t sig;
  int signum;
  int received; /* the signal was delivered */
  int result;
} signal_frame_t;
ASYNCC__LEAF_TASK_CHECK(signal_frame_t);

static void signal_closed(uv_handle_t* handle) {
  signal_frame_t* f = container_of(handle, signal_frame_t, sig);
  asyncc__live_handles--;
  asyncc__leaf_wake(&f->hdr);
}

static void signal_received(uv_signal_t* handle, int signum) {
  signal_frame_t* f = container_of(handle, signal_frame_t, sig);
  (void)signum;
  f->received = 1;
  uv_close((uv_handle_t*)handle, signal_closed);
  sigpipe_wait_ended(f->signum);
}

static int signal_resume(asyncc_frame_t* fp) {
  signal_frame_t* f = (signal_frame_t*)fp;
  int rc;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_signal_wait");
      if (asyncc__leaf_cancelled(fp)) {
        f->hdr.state = SIGNAL_DONE;
        f->result = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      rc = uv_signal_init(asyncc__leaf_runner(fp)->loop, &f->sig);
      if (rc < 0) { /* nothing to close: init failed before registering */
        f->hdr.state = SIGNAL_DONE;
        f->result = rc;
        return ASYNCC_DONE;
      }
      asyncc__live_handles++; /* closed on every path from here */
      f->hdr.state = SIGNAL_WAITING;
      rc = uv_signal_start_oneshot(&f->sig, signal_received, f->signum);
      if (rc < 0) { /* UV_EINVAL for a bad number; the handle still closes */
        f->result = rc;
        uv_close((uv_handle_t*)&f->sig, signal_closed);
      } else {
        sigpipe_wait_started(f->signum);
      }
      return asyncc__leaf_suspend(fp);
    case SIGNAL_WAITING:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        /* Cancelled before the close callback: close (unless the signal
         * already did) and wait for the callback to wake us. */
        if (!uv_is_closing((uv_handle_t*)&f->sig)) {
          uv_close((uv_handle_t*)&f->sig, signal_closed);
          sigpipe_wait_ended(f->signum);
        }
        return ASYNCC_PENDING;
      }
      f->hdr.state = SIGNAL_DONE;
      if (f->received)
        f->result = 0;
      else if (f->result == 0)
        f->result = UV_ECANCELED; /* closed by the cancellation */
      return ASYNCC_DONE;
    default:
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_signal_wait_start(int signum) {
  signal_frame_t* f = asyncc__frame_alloc(sizeof *f);
  memset(f, 0, sizeof *f);
  f->hdr.resume = signal_resume;
  f->signum = signum;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_signal_wait_take(asyncc_frame_t* frame) {
  signal_frame_t* f = (signal_frame_t*)frame;
  int r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}
ASYNCC__TAKE_INTO(asyncc_signal_wait, int)
