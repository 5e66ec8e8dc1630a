/* fs.c - awaitable file system operations on libuv's thread pool.
 *
 * One frame type serves every operation: a uv_fs_t plus the arguments. The
 * request lives in the frame, and the frame completes only from the
 * request's callback, so a frame is never freed while libuv owns its
 * request; uv_fs_req_cleanup runs in the callback.
 *
 * Cancellation: a request still queued is cancelled (uv_cancel); one that a
 * worker thread is already running cannot be, and is waited for. Either
 * way the await returns UV_ECANCELED, and what a completed operation
 * produced is released first (an opened file is closed, an opened
 * directory closed), so a cancelled task leaks nothing. Closing operations
 * (asyncc_fs_close, asyncc_fs_closedir) always close, even in a cancelled
 * task: they run to the end and then report UV_ECANCELED.
 */
#include <string.h>

#include "internal.h"

enum {
  FS_OPEN,
  FS_CLOSE,
  FS_READ,
  FS_WRITE,
  FS_STAT,
  FS_FSTAT,
  FS_UNLINK,
  FS_RENAME,
  FS_MKDIR,
  FS_RMDIR,
  FS_FSYNC,
  FS_OPENDIR,
  FS_READDIR,
  FS_CLOSEDIR,
};

#define FS_DIRENTS 16 /* entries read per asyncc_fs_readdir */

typedef struct {
  asyncc_frame_t hdr;
  asyncc_task_t* leaf_task; /* its task, while suspended (internal.h) */
  uv_fs_t req;
  int op;
  ssize_t result;
  const char* path; /* only used before the request is made */
  const char* path2;
  uv_file fd;
  int flags;
  int mode;
  void* buf;
  size_t len;
  int64_t offset;
  void* out; /* uv_stat_t*, uv_dir_t**, asyncc_dirent_t* */
  uv_dir_t* dir;
  uv_dirent_t dirents[]; /* FS_READDIR only */
} fs_frame_t;
ASYNCC__LEAF_TASK_CHECK(fs_frame_t);

static int fs_closing(int op) { return op == FS_CLOSE || op == FS_CLOSEDIR; }

static size_t fs_frame_size(int op) {
  return sizeof(fs_frame_t) +
         (op == FS_READDIR ? FS_DIRENTS * sizeof(uv_dirent_t) : 0);
}

static void fs_cb(uv_fs_t* req) {
  fs_frame_t* f = container_of(req, fs_frame_t, req);
  size_t i;
  f->result = req->result;
  if (req->result >= 0) {
    switch (f->op) {
      case FS_STAT:
      case FS_FSTAT:
        memcpy(f->out, &req->statbuf, sizeof(uv_stat_t));
        break;
      case FS_OPENDIR:
        f->dir = req->ptr;
        break;
      case FS_READDIR:
        /* The names are freed by uv_fs_req_cleanup: copy them out. */
        for (i = 0; i < (size_t)req->result; i++) {
          asyncc_dirent_t* e = (asyncc_dirent_t*)f->out + i;
          size_t n = strlen(f->dirents[i].name);
          if (n >= sizeof e->name) n = sizeof e->name - 1;
          memcpy(e->name, f->dirents[i].name, n);
          e->name[n] = '\0';
          e->type = f->dirents[i].type;
        }
        break;
      default:
        break;
    }
  }
  uv_fs_req_cleanup(req);
  asyncc__leaf_wake(&f->hdr);
}

/* Whether the arguments are usable: a NULL path, output or directory is
 * misuse to report with UV_EINVAL (libuv asserts on a NULL path, or
 * crashes copying it). */
static int fs_args_valid(const fs_frame_t* f) {
  switch (f->op) {
    case FS_OPEN:
    case FS_UNLINK:
    case FS_MKDIR:
    case FS_RMDIR:
      return f->path != NULL;
    case FS_RENAME:
      return f->path != NULL && f->path2 != NULL;
    case FS_STAT:
    case FS_OPENDIR:
      return f->path != NULL && f->out != NULL;
    case FS_FSTAT:
      return f->out != NULL;
    case FS_READDIR:
      return f->dir != NULL && f->out != NULL && f->len != 0;
    case FS_CLOSEDIR:
      return f->dir != NULL;
    default:
      return 1;
  }
}

/* Starts the operation; returns 0 or a negative error (no callback). */
static int fs_submit(fs_frame_t* f, uv_loop_t* loop) {
  uv_buf_t b;
  switch (f->op) {
    case FS_OPEN:
      return uv_fs_open(loop, &f->req, f->path, f->flags, f->mode, fs_cb);
    case FS_CLOSE:
      return uv_fs_close(loop, &f->req, f->fd, fs_cb);
    case FS_READ:
      b = uv_buf_init(f->buf, asyncc__io_chunk(f->len));
      return uv_fs_read(loop, &f->req, f->fd, &b, 1, f->offset, fs_cb);
    case FS_WRITE:
      asyncc__sigpipe_ignore(); /* the file may be a FIFO or a socket */
      b = uv_buf_init(f->buf, asyncc__io_chunk(f->len));
      return uv_fs_write(loop, &f->req, f->fd, &b, 1, f->offset, fs_cb);
    case FS_STAT:
      return uv_fs_stat(loop, &f->req, f->path, fs_cb);
    case FS_FSTAT:
      return uv_fs_fstat(loop, &f->req, f->fd, fs_cb);
    case FS_UNLINK:
      return uv_fs_unlink(loop, &f->req, f->path, fs_cb);
    case FS_RENAME:
      return uv_fs_rename(loop, &f->req, f->path, f->path2, fs_cb);
    case FS_MKDIR:
      return uv_fs_mkdir(loop, &f->req, f->path, f->mode, fs_cb);
    case FS_RMDIR:
      return uv_fs_rmdir(loop, &f->req, f->path, fs_cb);
    case FS_FSYNC:
      return uv_fs_fsync(loop, &f->req, f->fd, fs_cb);
    case FS_OPENDIR:
      return uv_fs_opendir(loop, &f->req, f->path, fs_cb);
    case FS_READDIR:
      f->dir->dirents = f->dirents;
      f->dir->nentries = f->len < FS_DIRENTS ? f->len : FS_DIRENTS;
      return uv_fs_readdir(loop, &f->req, f->dir, fs_cb);
    case FS_CLOSEDIR:
      return uv_fs_closedir(loop, &f->req, f->dir, fs_cb);
    default:
      return UV_EINVAL;
  }
}

/* Releases what a completed operation produced, for a cancelled await. */
static void fs_release(fs_frame_t* f, uv_loop_t* loop) {
  uv_fs_t req;
  if (f->result < 0) return;
  if (f->op == FS_OPEN) {
    uv_fs_close(loop, &req, (uv_file)f->result, NULL);
    uv_fs_req_cleanup(&req);
  } else if (f->op == FS_OPENDIR) {
    uv_fs_closedir(loop, &req, f->dir, NULL);
    uv_fs_req_cleanup(&req);
  }
}

static int fs_resume(asyncc_frame_t* fp) {
  fs_frame_t* f = (fs_frame_t*)fp;
  int rc;
  switch (f->hdr.state) {
    case 0:
      asyncc__leaf_check(fp, "an asyncc_fs_ function");
      if (asyncc__leaf_cancelled(fp) && !fs_closing(f->op)) {
        f->hdr.state = 2;
        f->result = UV_ECANCELED;
        return asyncc__leaf_start_cancelled(fp);
      }
      if (!fs_args_valid(f)) {
        f->result = UV_EINVAL;
        return ASYNCC_DONE;
      }
      rc = fs_submit(f, asyncc__leaf_runner(fp)->loop);
      if (rc < 0) {
        uv_fs_req_cleanup(&f->req);
        f->result = rc;
        return ASYNCC_DONE;
      }
      f->hdr.state = 1;
      return asyncc__leaf_suspend(fp);
    case 1:
      if (!(fp->flags & ASYNCC__FLAG_WOKEN)) {
        /* Cancelled in flight: the callback comes either way. */
        if (!fs_closing(f->op)) uv_cancel((uv_req_t*)&f->req);
        return ASYNCC_PENDING;
      }
      if ((fp->flags & ASYNCC__FLAG_CANCEL) ||
          (fs_closing(f->op) && asyncc__leaf_cancelled(fp))) {
        fs_release(f, asyncc__leaf_runner(fp)->loop);
        f->result = UV_ECANCELED;
      }
      if (f->op == FS_OPENDIR && f->result >= 0) *(uv_dir_t**)f->out = f->dir;
      return ASYNCC_DONE;
    default:
      return ASYNCC_DONE;
  }
}

static fs_frame_t* fs_new(int op) {
  size_t size = fs_frame_size(op);
  fs_frame_t* f = asyncc__frame_alloc(size);
  memset(f, 0, sizeof *f);
  f->hdr.resume = fs_resume;
  f->op = op;
  f->fd = -1;
  return f;
}

static ssize_t fs_take(asyncc_frame_t* frame) {
  fs_frame_t* f = (fs_frame_t*)frame;
  ssize_t r = f->result;
  asyncc__frame_free(f, fs_frame_size(f->op));
  return r;
}

/* ---- ABI entry points ---------------------------------------------------- */

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_open_start(const char* path,
                                                         int flags, int mode) {
  fs_frame_t* f = fs_new(FS_OPEN);
  f->path = path;
  f->flags = flags;
  f->mode = mode;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_open_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_open, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_close_start(uv_file fd) {
  fs_frame_t* f = fs_new(FS_CLOSE);
  f->fd = fd;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_close_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_close, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_read_start(uv_file fd, void* buf,
                                                         size_t len,
                                                         int64_t offset) {
  fs_frame_t* f = fs_new(FS_READ);
  f->fd = fd;
  f->buf = buf;
  f->len = len;
  f->offset = offset;
  return &f->hdr;
}

ASYNCC__ABI ssize_t asyncc__asyncc_fs_read_take(asyncc_frame_t* frame) {
  return fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_read, ssize_t)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_write_start(uv_file fd,
                                                          const void* buf,
                                                          size_t len,
                                                          int64_t offset) {
  fs_frame_t* f = fs_new(FS_WRITE);
  f->fd = fd;
  f->buf = (void*)(uintptr_t)buf; /* only read from */
  f->len = len;
  f->offset = offset;
  return &f->hdr;
}

ASYNCC__ABI ssize_t asyncc__asyncc_fs_write_take(asyncc_frame_t* frame) {
  return fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_write, ssize_t)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_stat_start(const char* path,
                                                         uv_stat_t* out) {
  fs_frame_t* f = fs_new(FS_STAT);
  f->path = path;
  f->out = out;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_stat_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_stat, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_fstat_start(uv_file fd,
                                                          uv_stat_t* out) {
  fs_frame_t* f = fs_new(FS_FSTAT);
  f->fd = fd;
  f->out = out;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_fstat_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_fstat, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_unlink_start(const char* path) {
  fs_frame_t* f = fs_new(FS_UNLINK);
  f->path = path;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_unlink_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_unlink, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_rename_start(const char* path,
                                                           const char* to) {
  fs_frame_t* f = fs_new(FS_RENAME);
  f->path = path;
  f->path2 = to;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_rename_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_rename, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_mkdir_start(const char* path,
                                                          int mode) {
  fs_frame_t* f = fs_new(FS_MKDIR);
  f->path = path;
  f->mode = mode;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_mkdir_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_mkdir, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_rmdir_start(const char* path) {
  fs_frame_t* f = fs_new(FS_RMDIR);
  f->path = path;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_rmdir_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_rmdir, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_fsync_start(uv_file fd) {
  fs_frame_t* f = fs_new(FS_FSYNC);
  f->fd = fd;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_fsync_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_fsync, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_opendir_start(
    const char* path, uv_dir_t** dir_out) {
  fs_frame_t* f = fs_new(FS_OPENDIR);
  f->path = path;
  f->out = dir_out;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_opendir_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_opendir, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_readdir_start(
    uv_dir_t* dir, asyncc_dirent_t* entries, size_t n) {
  fs_frame_t* f = fs_new(FS_READDIR);
  f->dir = dir;
  f->out = entries;
  f->len = n;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_readdir_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_readdir, int)

ASYNCC__ABI asyncc_frame_t* asyncc__asyncc_fs_closedir_start(uv_dir_t* dir) {
  fs_frame_t* f = fs_new(FS_CLOSEDIR);
  f->dir = dir;
  return &f->hdr;
}

ASYNCC__ABI int asyncc__asyncc_fs_closedir_take(asyncc_frame_t* frame) {
  return (int)fs_take(frame);
}
ASYNCC__TAKE_INTO(asyncc_fs_closedir, int)
