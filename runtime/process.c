/* process.c - asyncc_process_run: spawn a child process and await its exit.
 *
 * The uv_process_t lives in the frame. The frame completes only after the
 * handle's close callback (also when uv_spawn fails: libuv requires the
 * handle to be closed then too), so no handle outlives its frame.
 * Cancelling kills the child with SIGKILL (a cancelled task must not wait
 * on a child that ignores politer signals) and still waits for its exit.
 */
#include <signal.h>
#include <string.h>

#include "internal.h"

typedef struct {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  uv_process_t proc;
  asyncc_process_t* handle; /* where the child is published, or NULL */
  const uv_process_options_t* options; /* only until spawned */
  int64_t* exit_status;
  int* term_signal;
  int64_t status;
  int signal;
  int exited;
  int result;
} process_frame_t;
ASYNCC__LEAF_TASK_CHECK(process_frame_t);

static void process_closed(uv_handle_t* handle) {
  process_frame_t* f = container_of(handle, process_frame_t, proc);
  asyncc__live_handles--;
  asyncc__leaf_wake(&f->hdr);
}

static void process_exited(uv_process_t* proc, int64_t status, int signal) {
  process_frame_t* f = container_of(proc, process_frame_t, proc);
  if (f->handle != NULL) {
    f->handle->pid = 0;
    f->handle->proc = NULL;
  }
  f->exited = 1;
  f->status = status;
  f->signal = signal;
  uv_close((uv_handle_t*)proc, process_closed);
}

static int process_resume(asyncc_frame_t* fp) {
  process_frame_t* f = (process_frame_t*)fp;
  uv_process_options_t opts;
  int rc;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_process_run");
      f->hdr.state = 1;
      if (asyncc__leaf_cancelled(fp)) {
        f->result = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      if (f->options == NULL || f->options->file == NULL) {
        f->result = UV_EINVAL;
        return ASYNCC_DONE;
      }
      opts = *f->options;
      opts.exit_cb = process_exited;
      asyncc__live_handles++; /* closed in every case, even on failure */
      rc = uv_spawn(asyncc__leaf_runner(fp)->loop, &f->proc, &opts);
      if (rc < 0) {
        f->result = rc;
        uv_close((uv_handle_t*)&f->proc, process_closed);
      } else if (f->handle != NULL) {
        f->handle->pid = f->proc.pid;
        f->handle->proc = &f->proc;
      }
      return asyncc__leaf_suspend(fp);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        if (!f->exited && !uv_is_closing((uv_handle_t*)&f->proc))
          uv_process_kill(&f->proc, SIGKILL);
        return ASYNCC_PENDING; /* its exit and close come next */
      }
      if (fp->flags & ASYNCC__FLAG_CANCEL) {
        f->result = UV_ECANCELED;
      } else if (f->exited) {
        if (f->exit_status != NULL) *f->exit_status = f->status;
        if (f->term_signal != NULL) *f->term_signal = f->signal;
      }
      return ASYNCC_DONE;
  }
}

static asyncc_frame_t* process_start(asyncc_process_t* handle,
                                     const uv_process_options_t* options,
                                     int64_t* exit_status, int* term_signal) {
  process_frame_t* f = asyncc__frame_alloc(sizeof *f);
  memset(f, 0, sizeof *f);
  f->hdr.resume = process_resume;
  f->handle = handle;
  f->options = options;
  f->exit_status = exit_status;
  f->term_signal = term_signal;
  if (handle != NULL) {
    handle->pid = 0;
    handle->proc = NULL;
  }
  return &f->hdr;
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_process_run_start(
    const uv_process_options_t* options, int64_t* exit_status,
    int* term_signal) {
  return process_start(NULL, options, exit_status, term_signal);
}

ASYNCC__ABI int asyncc__asyncc_process_run_take(asyncc_frame_t* frame) {
  process_frame_t* f = (process_frame_t*)frame;
  int r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}
ASYNCC__TAKE_INTO(asyncc_process_run, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_process_exec_start(
    asyncc_process_t* process, const uv_process_options_t* options,
    int64_t* exit_status, int* term_signal) {
  asyncc_frame_t* f = process_start(process, options, exit_status, term_signal);
  /* A missing handle is misuse: report it like missing options. */
  if (process == NULL) ((process_frame_t*)f)->options = NULL;
  return f;
}

ASYNCC__ABI int asyncc__asyncc_process_exec_take(asyncc_frame_t* frame) {
  return asyncc__asyncc_process_run_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_process_exec, int)

int asyncc_process_kill(asyncc_process_t* process, int signum) {
  if (process == NULL) return UV_EINVAL;
  if (process->proc == NULL) return UV_ESRCH;
  return uv_process_kill(process->proc, signum);
}
