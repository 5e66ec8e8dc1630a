/* test_fs.c - awaitable file operations on real files in a temporary
 * directory: results, error codes, directories, and cancellation that
 * leaks no file descriptor.
 */
#include <dirent.h>
#include <fcntl.h>

#include "test_util.h"

static char dir[256];

static int setup(void** state) {
  (void)state;
  /* libuv opens a few process-wide descriptors with the first loop (the
   * signal lock pipe); open them before any count. */
  uv_loop_close(uv_default_loop());
  snprintf(dir, sizeof dir, "/tmp/asyncc_test_fs_XXXXXX");
  return mkdtemp(dir) == NULL ? -1 : 0;
}

static int teardown(void** state) {
  (void)state;
  return rmdir(dir);
}

static int count_fds(void) {
  int n = 0;
  DIR* d = opendir("/proc/self/fd");
  while (readdir(d) != NULL) n++;
  closedir(d);
  return n;
}

static int read_take(asyncc_frame_t* f) {
  return (int)asyncc__asyncc_fs_read_take(f);
}

static int write_take(asyncc_frame_t* f) {
  return (int)asyncc__asyncc_fs_write_take(f);
}

#define STEP(start, take_fn) (*take = (take_fn), (start))

typedef struct {
  char path[300];
  char path2[300];
  char sub[300];
  int fd;
  int rc[40];
  char buf[64];
  uv_stat_t st;
  uv_dir_t* d;
  asyncc_dirent_t ents[4];
  int nents;
  asyncc_task_t* t;
} ctx_t;

static asyncc_frame_t* file_script(void* p, int step, int last,
                                   script_take_fn* take) {
  ctx_t* c = p;
  if (step > 0) c->rc[step - 1] = last;
  switch (step) {
    case 0:
      return STEP(asyncc__asyncc_fs_mkdir_start(c->sub, 0755),
                  asyncc__asyncc_fs_mkdir_take);
    case 1:
      return STEP(
          asyncc__asyncc_fs_open_start(
              c->path, UV_FS_O_RDWR | UV_FS_O_CREAT | UV_FS_O_TRUNC, 0644),
          asyncc__asyncc_fs_open_take);
    case 2:
      c->fd = last;
      return STEP(asyncc__asyncc_fs_write_start(c->fd, "hello world", 11, 0),
                  write_take);
    case 3:
      return STEP(asyncc__asyncc_fs_fsync_start(c->fd),
                  asyncc__asyncc_fs_fsync_take);
    case 4:
      return STEP(asyncc__asyncc_fs_fstat_start(c->fd, &c->st),
                  asyncc__asyncc_fs_fstat_take);
    case 5:
      c->rc[30] = (int)c->st.st_size;
      return STEP(asyncc__asyncc_fs_read_start(c->fd, c->buf, 5, 6), read_take);
    case 6:
      return STEP(asyncc__asyncc_fs_read_start(c->fd, c->buf + 10, 8, 100),
                  read_take); /* past the end: 0 */
    case 7:
      return STEP(asyncc__asyncc_fs_close_start(c->fd),
                  asyncc__asyncc_fs_close_take);
    case 8:
      return STEP(asyncc__asyncc_fs_rename_start(c->path, c->path2),
                  asyncc__asyncc_fs_rename_take);
    case 9:
      memset(&c->st, 0, sizeof c->st);
      return STEP(asyncc__asyncc_fs_stat_start(c->path2, &c->st),
                  asyncc__asyncc_fs_stat_take);
    case 10:
      c->rc[31] = (int)c->st.st_size;
      return STEP(asyncc__asyncc_fs_opendir_start(dir, &c->d),
                  asyncc__asyncc_fs_opendir_take);
    case 11:
      return STEP(asyncc__asyncc_fs_readdir_start(c->d, c->ents, 4),
                  asyncc__asyncc_fs_readdir_take);
    case 12:
      c->nents = last;
      return STEP(asyncc__asyncc_fs_readdir_start(c->d, c->ents + 3, 1),
                  asyncc__asyncc_fs_readdir_take); /* the end: 0 */
    case 13:
      return STEP(asyncc__asyncc_fs_closedir_start(c->d),
                  asyncc__asyncc_fs_closedir_take);
    case 14:
      return STEP(asyncc__asyncc_fs_unlink_start(c->path2),
                  asyncc__asyncc_fs_unlink_take);
    case 15:
      return STEP(asyncc__asyncc_fs_rmdir_start(c->sub),
                  asyncc__asyncc_fs_rmdir_take);
    default:
      return NULL;
  }
}

static void test_fs_file_and_dir_operations(void** state) {
  ctx_t c;
  int i;
  int saw_sub = 0;
  int saw_file = 0;
  int fds = count_fds();
  (void)state;

  memset(&c, 0, sizeof c);
  snprintf(c.path, sizeof c.path, "%s/a.txt", dir);
  snprintf(c.path2, sizeof c.path2, "%s/b.txt", dir);
  snprintf(c.sub, sizeof c.sub, "%s/sub", dir);
  script_take(asyncc__run(script_start(file_script, &c)));
  assert_int_equal(c.rc[0], 0);   /* mkdir */
  assert_true(c.fd >= 0);         /* open */
  assert_int_equal(c.rc[2], 11);  /* write */
  assert_int_equal(c.rc[3], 0);   /* fsync */
  assert_int_equal(c.rc[4], 0);   /* fstat */
  assert_int_equal(c.rc[30], 11); /* size */
  assert_int_equal(c.rc[5], 5);   /* read */
  assert_memory_equal(c.buf, "world", 5);
  assert_int_equal(c.rc[6], 0); /* read past the end */
  assert_int_equal(c.rc[7], 0); /* close */
  assert_int_equal(c.rc[8], 0); /* rename */
  assert_int_equal(c.rc[9], 0); /* stat */
  assert_int_equal(c.rc[31], 11);
  assert_int_equal(c.rc[10], 0); /* opendir */
  assert_int_equal(c.nents, 2);  /* b.txt and sub */
  for (i = 0; i < 2; i++) {
    if (strcmp(c.ents[i].name, "sub") == 0 && c.ents[i].type == UV_DIRENT_DIR)
      saw_sub = 1;
    if (strcmp(c.ents[i].name, "b.txt") == 0 &&
        c.ents[i].type == UV_DIRENT_FILE)
      saw_file = 1;
  }
  assert_true(saw_sub && saw_file);
  assert_int_equal(c.rc[12], 0); /* readdir at the end */
  assert_int_equal(c.rc[13], 0); /* closedir */
  assert_int_equal(c.rc[14], 0); /* unlink */
  assert_int_equal(c.rc[15], 0); /* rmdir */
  test_end_clean();
  assert_int_equal(count_fds(), fds);
}

static asyncc_frame_t* errors_script(void* p, int step, int last,
                                     script_take_fn* take) {
  ctx_t* c = p;
  if (step > 0) c->rc[step - 1] = last;
  switch (step) {
    case 0:
      return STEP(asyncc__asyncc_fs_open_start(c->path, UV_FS_O_RDONLY, 0),
                  asyncc__asyncc_fs_open_take);
    case 1:
      return STEP(asyncc__asyncc_fs_read_start(-1, c->buf, 4, 0), read_take);
    case 2:
      return STEP(asyncc__asyncc_fs_write_start(1000000, "x", 1, 0),
                  write_take);
    case 3:
      return STEP(asyncc__asyncc_fs_unlink_start(c->path),
                  asyncc__asyncc_fs_unlink_take);
    case 4:
      return STEP(asyncc__asyncc_fs_mkdir_start(dir, 0755),
                  asyncc__asyncc_fs_mkdir_take);
    case 5:
      return STEP(asyncc__asyncc_fs_stat_start(c->path, &c->st),
                  asyncc__asyncc_fs_stat_take);
    case 6:
      return STEP(asyncc__asyncc_fs_stat_start(dir, NULL),
                  asyncc__asyncc_fs_stat_take);
    case 7:
      return STEP(asyncc__asyncc_fs_readdir_start(NULL, c->ents, 4),
                  asyncc__asyncc_fs_readdir_take);
    case 8:
      return STEP(asyncc__asyncc_fs_closedir_start(NULL),
                  asyncc__asyncc_fs_closedir_take);
    case 9:
      return STEP(asyncc__asyncc_fs_opendir_start(c->path, &c->d),
                  asyncc__asyncc_fs_opendir_take);
    case 10:
      return STEP(asyncc__asyncc_fs_rename_start(c->path, c->path2),
                  asyncc__asyncc_fs_rename_take);
    case 11:
      return STEP(asyncc__asyncc_fs_close_start(-1),
                  asyncc__asyncc_fs_close_take);
    case 12:
      return STEP(asyncc__asyncc_fs_rmdir_start(c->path),
                  asyncc__asyncc_fs_rmdir_take);
    case 13:
      return STEP(asyncc__asyncc_fs_fsync_start(-1),
                  asyncc__asyncc_fs_fsync_take);
    case 14:
      return STEP(asyncc__asyncc_fs_fstat_start(-1, &c->st),
                  asyncc__asyncc_fs_fstat_take);
    default:
      return NULL;
  }
}

static void test_fs_errors(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  snprintf(c.path, sizeof c.path, "%s/missing", dir);
  snprintf(c.path2, sizeof c.path2, "%s/other", dir);
  script_take(asyncc__run(script_start(errors_script, &c)));
  assert_int_equal(c.rc[0], UV_ENOENT);
  assert_int_equal(c.rc[1], UV_EBADF);
  assert_int_equal(c.rc[2], UV_EBADF);
  assert_int_equal(c.rc[3], UV_ENOENT);
  assert_int_equal(c.rc[4], UV_EEXIST);
  assert_int_equal(c.rc[5], UV_ENOENT);
  assert_int_equal(c.rc[6], UV_EINVAL);
  assert_int_equal(c.rc[7], UV_EINVAL);
  assert_int_equal(c.rc[8], UV_EINVAL);
  assert_int_equal(c.rc[9], UV_ENOENT);
  assert_int_equal(c.rc[10], UV_ENOENT);
  assert_int_equal(c.rc[11], UV_EBADF);
  assert_int_equal(c.rc[12], UV_ENOENT);
  assert_int_equal(c.rc[13], UV_EBADF);
  assert_int_equal(c.rc[14], UV_EBADF);
  test_end_clean();
}

/* ---- cancellation -------------------------------------------------------- */

/* Opens and closes the file in a loop until an await fails; records how
 * the loop ended. Run as its own task and cancelled from outside. */
static asyncc_frame_t* churn_script(void* p, int step, int last,
                                    script_take_fn* take) {
  ctx_t* c = p;
  if (step % 2 == 1) { /* after open */
    if (last < 0) {
      c->rc[0] = last;
      return NULL;
    }
    c->fd = last;
    return STEP(asyncc__asyncc_fs_close_start(c->fd),
                asyncc__asyncc_fs_close_take);
  }
  if (step > 0 && last < 0) { /* after close */
    c->rc[1] = last;
    return NULL;
  }
  c->rc[2]++;
  return STEP(asyncc__asyncc_fs_open_start(c->path, UV_FS_O_RDONLY, 0),
              asyncc__asyncc_fs_open_take);
}

static asyncc_frame_t* cancel_churn_script(void* p, int step, int last,
                                           script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      c->t = asyncc__spawn(script_start(churn_script, c), script_take_into);
      return SCRIPT_SLEEP(20);
    case 1:
      asyncc_task_cancel(c->t);
      return SCRIPT_JOIN(c->t, NULL);
    default:
      c->rc[3] = last;
      return NULL;
  }
}

static void test_fs_cancel_leaks_no_fd(void** state) {
  ctx_t c;
  int fds;
  FILE* fp;
  (void)state;

  memset(&c, 0, sizeof c);
  snprintf(c.path, sizeof c.path, "%s/churn", dir);
  fp = fopen(c.path, "w");
  fclose(fp);
  fds = count_fds();
  script_take(asyncc__run(script_start(cancel_churn_script, &c)));
  assert_true(c.rc[2] > 1);                /* it looped a while */
  assert_int_equal(c.rc[3], UV_ECANCELED); /* and was cancelled */
  assert_true(c.rc[0] == UV_ECANCELED || c.rc[1] == UV_ECANCELED);
  assert_int_equal(unlink(c.path), 0);
  test_end_clean();
  assert_int_equal(count_fds(), fds);
}

/* In a cancelled task, close still closes (and reports UV_ECANCELED). */
static asyncc_frame_t* close_cancelled_script(void* p, int step, int last,
                                              script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      return STEP(asyncc__asyncc_fs_open_start(c->path, UV_FS_O_RDONLY, 0),
                  asyncc__asyncc_fs_open_take);
    case 1:
      c->fd = last;
      asyncc_task_cancel(asyncc_task_current());
      return STEP(asyncc__asyncc_fs_read_start(c->fd, c->buf, 4, 0), read_take);
    case 2:
      c->rc[0] = last;
      return STEP(asyncc__asyncc_fs_close_start(c->fd),
                  asyncc__asyncc_fs_close_take);
    default:
      c->rc[1] = last;
      return NULL;
  }
}

static void test_fs_close_in_cancelled_task(void** state) {
  ctx_t c;
  int fds = count_fds();
  (void)state;

  memset(&c, 0, sizeof c);
  snprintf(c.path, sizeof c.path, "%s", dir);
  script_take(asyncc__run(script_start(close_cancelled_script, &c)));
  assert_true(c.fd >= 0);
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(c.rc[1], UV_ECANCELED);
  assert_int_equal(fcntl(c.fd, F_GETFD), -1); /* closed */
  test_end_clean();
  assert_int_equal(count_fds(), fds);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fs_file_and_dir_operations),
      cmocka_unit_test(test_fs_errors),
      cmocka_unit_test(test_fs_cancel_leaks_no_fd),
      cmocka_unit_test(test_fs_close_in_cancelled_task),
  };
  return cmocka_run_group_tests_name("fs", tests, setup, teardown);
}
