/* transpiled_fs.c - file operations at their edges, in async C that the
 * real asyncc transpiles when the test is built.
 *
 * Each test ends with the default loop closed and nothing of the runtime
 * left alive (test_end_clean).
 */
#include <asyncc.h>
#include <sys/mman.h>

#include "test_util.h"

/* ---- misuse ------------------------------------------------------------- */

/* A NULL path is misuse, reported with UV_EINVAL like a NULL output; libuv
 * asserts on it (uv_fs_open: Assertion `path != NULL'), or crashes copying
 * the second path of a rename. */
static async int null_paths_main(int* rc) {
  uv_stat_t st;
  uv_dir_t* dir = NULL;
  rc[0] = await(asyncc_fs_open(NULL, UV_FS_O_RDONLY, 0));
  rc[1] = await(asyncc_fs_stat(NULL, &st));
  rc[2] = await(asyncc_fs_unlink(NULL));
  rc[3] = await(asyncc_fs_rename(NULL, "/nonexistent/b"));
  rc[4] = await(asyncc_fs_rename("/nonexistent/a", NULL));
  rc[5] = await(asyncc_fs_mkdir(NULL, 0700));
  rc[6] = await(asyncc_fs_rmdir(NULL));
  rc[7] = await(asyncc_fs_opendir(NULL, &dir));
  return dir == NULL ? 0 : -1;
}

static void test_fs_null_paths_are_einval(void** state) {
  int rc[8], i;
  (void)state;
  assert_int_equal(asyncc_run(null_paths_main(rc)), 0);
  for (i = 0; i < 8; i++) assert_int_equal(rc[i], UV_EINVAL);
  test_end_clean();
}

/* ---- buffers over 4 GiB ------------------------------------------------ */

#define HUGE_LEN (((size_t)1 << 32) + 1)

/* A read or write of more than 4 GiB moves what one call moves (a short
 * count, as read(2) and write(2) give); it was refused with UV_EINVAL.
 * On /dev/null, which touches no byte of the buffer: 4 GiB + 1 of
 * read-only zero pages that cost no memory. */
static async int huge_main(char* buf, ssize_t* written, ssize_t* got) {
  int fd = await(asyncc_fs_open("/dev/null", UV_FS_O_RDWR, 0));
  if (fd < 0) return fd;
  *written = await(asyncc_fs_write(fd, buf, HUGE_LEN, -1));
  *got = await(asyncc_fs_read(fd, buf, HUGE_LEN, -1));
  return await(asyncc_fs_close(fd));
}

static void test_fs_buffers_over_4_gib_are_not_refused(void** state) {
  ssize_t written = -1, got = -1;
  char* buf = mmap(NULL, HUGE_LEN, PROT_READ,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  (void)state;
  assert_true(buf != MAP_FAILED);
  assert_int_equal(asyncc_run(huge_main(buf, &written, &got)), 0);
  assert_true(written > 0 && (size_t)written < HUGE_LEN);
  assert_int_equal(got, 0);
  munmap(buf, HUGE_LEN);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fs_null_paths_are_einval),
      cmocka_unit_test(test_fs_buffers_over_4_gib_are_not_refused),
  };
  return cmocka_run_group_tests_name("transpiled_fs", tests, NULL, NULL);
}
