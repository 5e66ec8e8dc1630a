/* dns.c - asyncc_getaddrinfo: uv_getaddrinfo on libuv's thread pool.
 *
 * The request lives in the frame and the frame completes only from its
 * callback. A cancelled lookup is withdrawn if it has not started
 * (uv_cancel), else waited for; a list it produced anyway is freed, so a
 * cancelled task leaks nothing.
 */
#include "internal.h"

typedef struct {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  uv_getaddrinfo_t req;
  const char* node; /* these three only until the request is made */
  const char* service;
  const struct addrinfo* hints;
  struct addrinfo** res;
  struct addrinfo* ai;
  int result;
} gai_frame_t;
ASYNCC__LEAF_TASK_CHECK(gai_frame_t);

static void gai_cb(uv_getaddrinfo_t* req, int status, struct addrinfo* res) {
  gai_frame_t* f = container_of(req, gai_frame_t, req);
  f->result = status;
  f->ai = res;
  asyncc__leaf_wake(&f->hdr);
}

static int gai_resume(asyncc_frame_t* fp) {
  gai_frame_t* f = (gai_frame_t*)fp;
  int rc;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "asyncc_getaddrinfo");
      f->hdr.state = 1;
      if (asyncc__leaf_cancelled(fp)) {
        f->result = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      if (f->res == NULL) {
        f->result = UV_EINVAL;
        return ASYNCC_DONE;
      }
      *f->res = NULL;
      rc = uv_getaddrinfo(asyncc__leaf_runner(fp)->loop, &f->req, gai_cb,
                          f->node, f->service, f->hints);
      if (rc < 0) {
        f->result = rc;
        return ASYNCC_DONE;
      }
      return asyncc__leaf_suspend(fp);
    default:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        uv_cancel((uv_req_t*)&f->req); /* the callback comes either way */
        return ASYNCC_PENDING;
      }
      if (fp->flags & ASYNCC__FLAG_CANCEL) {
        if (f->ai != NULL) uv_freeaddrinfo(f->ai);
        f->result = UV_ECANCELED;
      } else if (f->result == 0) {
        *f->res = f->ai;
      }
      return ASYNCC_DONE;
  }
}

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_getaddrinfo_start(
    const char* node, const char* service, const struct addrinfo* hints,
    struct addrinfo** res) {
  gai_frame_t* f = asyncc__frame_alloc(sizeof *f);
  asyncc__leaf_init(&f->hdr, gai_resume);
  f->node = node;
  f->service = service;
  f->hints = hints;
  f->res = res;
  f->ai = NULL;
  f->result = 0;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_getaddrinfo_take(asyncc_frame_t* frame) {
  gai_frame_t* f = (gai_frame_t*)frame;
  int r = f->result;
  asyncc__frame_free(f, sizeof *f);
  return r;
}
ASYNCC__TAKE_INTO(asyncc_getaddrinfo, int)
