/* test_alloc.c - frame allocation: size classes, the live count, the
 * replaceable allocator, per-thread free lists, out of memory.
 */
#include <pthread.h>

#include "test_util.h"

#if defined(__SANITIZE_ADDRESS__)
#define FREE_LISTS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FREE_LISTS 0
#endif
#endif
#ifndef FREE_LISTS
#define FREE_LISTS 1
#endif

/* A counting allocator over malloc. */
static long outstanding;
static long calls;
static long fail_after = -1; /* fail the n-th malloc from now; -1: never */

static void* count_malloc(size_t size) {
  if (fail_after == 0) return NULL;
  if (fail_after > 0) fail_after--;
  calls++;
  outstanding++;
  return malloc(size);
}

static void* count_realloc(void* p, size_t size) {
  if (p == NULL) outstanding++;
  return realloc(p, size);
}

static void* count_calloc(size_t n, size_t size) {
  calls++;
  outstanding++;
  return calloc(n, size);
}

static void count_free(void* p) {
  if (p != NULL) outstanding--;
  free(p);
}

static int setup_counting(void** state) {
  (void)state;
  outstanding = 0;
  calls = 0;
  fail_after = -1;
  return asyncc_replace_allocator(count_malloc, count_realloc, count_calloc,
                                  count_free);
}

static int teardown_counting(void** state) {
  (void)state;
  return asyncc_replace_allocator(malloc, realloc, calloc, free);
}

static void test_alloc_sizes_and_live_count(void** state) {
  static const size_t sizes[] = {0,   1,    15,   16,   17,
                                 100, 1023, 1024, 1025, 100000};
  void* p[ARRAY_SIZE(sizes)];
  size_t i;
  long base = asyncc__frame_live_count();
  (void)state;

  for (i = 0; i < ARRAY_SIZE(sizes); i++) {
    p[i] = asyncc__frame_alloc(sizes[i]);
    assert_non_null(p[i]);
    memset(p[i], 0xAB, sizes[i]); /* the whole size is usable */
    assert_int_equal(asyncc__frame_live_count(), base + (long)i + 1);
  }
  for (i = 0; i < ARRAY_SIZE(sizes); i++) asyncc__frame_free(p[i], sizes[i]);
  assert_int_equal(asyncc__frame_live_count(), base);
  asyncc__frame_free(NULL, 16); /* like free(NULL) */
  assert_int_equal(asyncc__frame_live_count(), base);
}

/* A freed small block is reused for the next frame of its size class
 * without calling the allocator; big ones go back at once. */
static void test_alloc_free_list_reuse(void** state) {
  void* a;
  void* b;
  long before;
  (void)state;

  a = asyncc__frame_alloc(40);
  asyncc__frame_free(a, 40);
  before = calls;
  b = asyncc__frame_alloc(33); /* same 40-byte class */
  if (FREE_LISTS) {
    assert_ptr_equal(a, b);
    assert_int_equal(calls, before);
  }
  asyncc__frame_free(b, 33);

  before = outstanding;
  a = asyncc__frame_alloc(5000);
  assert_int_equal(outstanding, before + 1);
  asyncc__frame_free(a, 5000);
  assert_int_equal(outstanding, before);

  /* Trimming returns the free lists to the allocator. */
  asyncc__frame_trim();
  assert_int_equal(outstanding, 0);
}

/* Classes are 8 bytes apart, yet every block is aligned for any type of
 * its size: 16 for the sizes that are multiples of 16, 8 for the others;
 * and two blocks of one class do not overlap. */
static void test_alloc_alignment(void** state) {
  void* p[2][128];
  size_t size;
  int k;
  (void)state;

  for (k = 0; k < 2; k++)
    for (size = 8; size <= 1024; size += 8) {
      void* b = asyncc__frame_alloc(size);
      uintptr_t a = (uintptr_t)b;
      p[k][size / 8 - 1] = b;
      assert_int_equal(a % (size % 16 == 0 ? 16 : 8), 0);
      memset(b, k, size);
    }
  for (size = 8; size <= 1024; size += 8) {
    const unsigned char* a = p[0][size / 8 - 1];
    assert_int_equal(a[0], 0); /* not overwritten by the second block */
    assert_int_equal(a[size - 1], 0);
  }
  for (k = 0; k < 2; k++)
    for (size = 8; size <= 1024; size += 8)
      asyncc__frame_free(p[k][size / 8 - 1], size);
}

static void test_alloc_replace_errors(void** state) {
  (void)state;
  assert_int_equal(asyncc_replace_allocator(NULL, realloc, calloc, free),
                   UV_EINVAL);
  assert_int_equal(asyncc_replace_allocator(malloc, NULL, calloc, free),
                   UV_EINVAL);
  assert_int_equal(asyncc_replace_allocator(malloc, realloc, NULL, free),
                   UV_EINVAL);
  assert_int_equal(asyncc_replace_allocator(malloc, realloc, calloc, NULL),
                   UV_EINVAL);
}

/* Frames recycled on a thread are released when it exits. */
static void* churn(void* arg) {
  void* p[64];
  int i;
  (void)arg;
  for (i = 0; i < 64; i++) p[i] = asyncc__frame_alloc((size_t)(i * 16 + 8));
  for (i = 0; i < 64; i++) asyncc__frame_free(p[i], (size_t)(i * 16 + 8));
  return NULL;
}

static void test_alloc_thread_exit_releases(void** state) {
  pthread_t th;
  (void)state;
  asyncc__frame_trim();
  assert_int_equal(outstanding, 0);
  assert_int_equal(pthread_create(&th, NULL, churn, NULL), 0);
  assert_int_equal(pthread_join(th, NULL), 0);
  assert_int_equal(outstanding, 0);
}

static void oom_child(void* arg) {
  (void)arg;
  fail_after = 0;
  asyncc__frame_trim();
  (void)asyncc__frame_alloc(64);
}

static void test_alloc_oom_aborts(void** state) {
  char err[1024];
  int status;
  (void)state;
  status = test_run_in_child(oom_child, NULL, err, sizeof err);
  assert_true(WIFSIGNALED(status));
  assert_int_equal(WTERMSIG(status), SIGABRT);
  assert_non_null(strstr(err, "asyncc: out of memory allocating a 64-byte"));
}

/* Async code runs on the replaced allocator, and returns every byte. */
static void test_alloc_run_uses_allocator(void** state) {
  test_log_t log = {{0}, 0};
  (void)state;
  asyncc__frame_trim();
  calls = 0;
  assert_int_equal(yielder_take(asyncc__run(yielder_start(1, 10, &log))), 0);
  assert_true(calls > 0);
  asyncc__frame_trim();
  assert_int_equal(outstanding, 0);
  test_end_clean();
}

/* Replacing the allocator releases what the calling thread's runner holds
 * in its task pool too (its chunks stay with an explicit runner after
 * asyncc_run): they came from the old allocator, and freeing them at
 * asyncc_runner_close went to the new one's free. */
static void test_alloc_replace_releases_the_runners_task_pool(void** state) {
  test_log_t log = {{0}, 0};
  uv_loop_t loop;
  asyncc_runner_t runner;
  (void)state;
  assert_int_equal(asyncc_replace_allocator(malloc, realloc, calloc, free), 0);
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(asyncc_runner_init(&runner, &loop), 0);
  assert_int_equal(yielder_take(asyncc__run(yielder_start(1, 3, &log))), 0);
  assert_int_equal(setup_counting(NULL), 0);
  assert_int_equal(asyncc_runner_close(&runner), 0);
  assert_int_equal(uv_loop_close(&loop), 0);
  asyncc__frame_trim();
  assert_int_equal(outstanding, 0); /* count_free got no block of malloc's */
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_alloc_sizes_and_live_count),
      cmocka_unit_test(test_alloc_free_list_reuse),
      cmocka_unit_test(test_alloc_alignment),
      cmocka_unit_test(test_alloc_replace_errors),
      cmocka_unit_test(test_alloc_thread_exit_releases),
      cmocka_unit_test(test_alloc_oom_aborts),
      cmocka_unit_test(test_alloc_run_uses_allocator),
      cmocka_unit_test(test_alloc_replace_releases_the_runners_task_pool),
  };
  return cmocka_run_group_tests_name("alloc", tests, setup_counting,
                                     teardown_counting);
}
