/* work.c - asyncc_queue_work: run a blocking C function on libuv's thread
 * pool and await it.
 *
 * The uv_work_t lives in the frame; the frame completes only from the
 * after-work callback, which libuv always calls (with UV_ECANCELED if the
 * work was withdrawn before a thread picked it up). A cancelled await
 * withdraws work that has not started; work already running cannot be
 * interrupted and is waited for.
 */
#include "internal.h"

typedef struct {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  uv_work_t req;
  asyncc_work_fn fn;
  void* arg;
  int result;
} work_frame_t;
ASYNCC__LEAF_TASK_CHECK(work_frame_t);

static void work_cb(uv_work_t* req) {
  work_frame_t* f = container_of(req, work_frame_t, req);
  f->fn(f->arg); /* on a pool thread */
}

static void after_work_cb(uv_work_t* req, int status) {
  work_frame_t* f = container_of(req, work_frame_t, req);
  f->result = status;
  asyncc__leaf_wake(&f->hdr);
}

static int work_resume(asyncc_frame_t* fp) {
  work_frame_t* f = (work_frame_t*)fp;
  int rc;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_queue_work");
      f->hdr.state = 1;
      if (asyncc__leaf_cancelled(fp)) {
        f->result = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      if (f->fn == NULL) {
        f->result = UV_EINVAL;
        return ASYNCC_DONE;
      }
      rc = uv_queue_work(asyncc__leaf_runner(fp)->loop, &f->req, work_cb,
                         after_work_cb);
      if (rc < 0) {
        f->result = rc;
        return ASYNCC_DONE;
      }
      return asyncc__leaf_suspend(fp);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        uv_cancel((uv_req_t*)&f->req);
        return ASYNCC_PENDING;
      }
      if (fp->flags & ASYNCC__FLAG_CANCEL) f->result = UV_ECANCELED;
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_queue_work_start(asyncc_work_fn fn,
                                                            void* arg) {
  work_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__leaf_init(&f->hdr, work_resume);
  f->fn = fn;
  f->arg = arg;
  f->result = 0;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_queue_work_take(asyncc_frame_t* frame) {
  work_frame_t* f = (work_frame_t*)frame;
  int r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}
ASYNCC__TAKE_INTO(asyncc_queue_work, int)
