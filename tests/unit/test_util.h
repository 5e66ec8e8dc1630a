/* test_util.h - helpers shared by the runtime's cmocka tests.
 *
 * The tests drive the runtime the way transpiled code does: async
 * functions are written by hand in the shape asyncc generates (a frame
 * struct with the header first, a resume function that dispatches on the
 * state with goto, _start/_take entry points, ASYNCC__AWAIT at each await),
 * and the runtime's own async functions are called through their ABI names
 * (asyncc__asyncc_sleep_start/_take, ...). See asyncc/frame.h.
 */
#ifndef ASYNCC_TEST_UTIL_H
#define ASYNCC_TEST_UTIL_H

/* cmocka needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* clang-format off */
#include <cmocka.h>
/* clang-format on */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"

/* Allocates frame 'var' of struct type 'type' with all fields zero (parent,
 * task, state, flags as _start sets them) and resume function 'fn'. */
#define TEST_FRAME_NEW(type, var, fn)           \
  type* var = asyncc__frame_alloc(sizeof *var); \
  memset(var, 0, sizeof *var);                  \
  var->hdr.resume = (fn)

/* The equivalent of libuv's MAKE_VALGRIND_HAPPY, plus the frame count:
 * every runtime test ends with the default loop closed cleanly and no
 * frame, task, uv handle or stream of the runtime alive. */
static inline void test_end_clean(void) {
  assert_int_equal(uv_loop_close(uv_default_loop()), 0);
  assert_int_equal(asyncc__frame_live_count(), 0);
  assert_int_equal(asyncc__handle_live_count(), 0);
  assert_int_equal(asyncc__fd_live_count(), 0);
}

/* The number of sockets the process holds (fds below 1024), to check
 * that none leaked where the runtime's counters cannot see. */
static inline int test_socket_count(void) {
  struct stat st;
  int fd, n = 0;
  for (fd = 0; fd < 1024; fd++)
    if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode)) n++;
  return n;
}

/* A log of small integers, to check the order things happened in. */
typedef struct {
  int v[4096];
  int n;
} test_log_t;

static inline void test_log_push(test_log_t* log, int v) {
  if (log->n < (int)(sizeof log->v / sizeof log->v[0])) log->v[log->n] = v;
  log->n++;
}

/* Runs 'fn(arg)' in a child process with stderr captured into 'err'
 * (NUL-terminated); returns the child's wait status. For checking that
 * the runtime aborts with a message. */
static inline int test_run_in_child(void (*fn)(void*), void* arg, char* err,
                                    size_t errlen) {
  int fds[2];
  pid_t pid;
  int status = 0;
  size_t n = 0;
  ssize_t r;

  if (pipe(fds) != 0) fail_msg("pipe: %s", strerror(errno));
  fflush(stdout);
  fflush(stderr);
  pid = fork();
  if (pid < 0) fail_msg("fork: %s", strerror(errno));
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], 2);
    fn(arg);
    _exit(0);
  }
  close(fds[1]);
  while (n + 1 < errlen && (r = read(fds[0], err + n, errlen - 1 - n)) > 0)
    n += (size_t)r;
  err[n] = '\0';
  close(fds[0]);
  waitpid(pid, &status, 0);
  return status;
}

/* ====================================================================
 * Hand-written async functions shared by the tests, in generated shape.
 * ==================================================================== */

/* async int sleeper(uint64_t ms, int id, test_log_t* log) {
 *   int rc = await(asyncc_sleep(ms));
 *   test_log_push(log, id);
 *   return rc; }                                                       */
struct sleeper_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  uint64_t ms;
  int id;
  test_log_t* log;
  int rc;
  asyncc_frame_t* asyncc__c;
};

static inline int sleeper_resume(asyncc_frame_t* asyncc__fp) {
  struct sleeper_frame* asyncc__f = (struct sleeper_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->asyncc__c = asyncc__asyncc_sleep_start(asyncc__f->ms);
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
  asyncc__f->rc = asyncc__asyncc_sleep_take(asyncc__f->asyncc__c);
  if (asyncc__f->log != NULL) test_log_push(asyncc__f->log, asyncc__f->id);
  asyncc__f->asyncc__ret = asyncc__f->rc;
  return ASYNCC_DONE;
}

static inline asyncc_frame_t* sleeper_start(uint64_t ms, int id,
                                            test_log_t* log) {
  TEST_FRAME_NEW(struct sleeper_frame, f, sleeper_resume);
  f->ms = ms;
  f->id = id;
  f->log = log;
  return &f->hdr;
}

static inline int sleeper_take(asyncc_frame_t* fp) {
  struct sleeper_frame* f = (struct sleeper_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static inline void sleeper_take_into(asyncc_frame_t* fp, void* out) {
  int r = sleeper_take(fp);
  if (out != NULL) *(int*)out = r;
}

/* async int yielder(int id, int n, test_log_t* log) {
 *   int rc = 0;
 *   for (int i = 0; i < n; i++) {
 *     test_log_push(log, id);
 *     rc = await(asyncc_yield());
 *   }
 *   return rc; }                                                       */
struct yielder_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  int id;
  int n;
  test_log_t* log;
  int rc;
  int i;
  asyncc_frame_t* asyncc__c;
};

static inline int yielder_resume(asyncc_frame_t* asyncc__fp) {
  struct yielder_frame* asyncc__f = (struct yielder_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->rc = 0;
  for (asyncc__f->i = 0; asyncc__f->i < asyncc__f->n; asyncc__f->i++) {
    if (asyncc__f->log != NULL) test_log_push(asyncc__f->log, asyncc__f->id);
    asyncc__f->asyncc__c = asyncc__asyncc_yield_start();
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    asyncc__f->rc = asyncc__asyncc_yield_take(asyncc__f->asyncc__c);
  }
  asyncc__f->asyncc__ret = asyncc__f->rc;
  return ASYNCC_DONE;
}

static inline asyncc_frame_t* yielder_start(int id, int n, test_log_t* log) {
  TEST_FRAME_NEW(struct yielder_frame, f, yielder_resume);
  f->id = id;
  f->n = n;
  f->log = log;
  return &f->hdr;
}

static inline int yielder_take(asyncc_frame_t* fp) {
  struct yielder_frame* f = (struct yielder_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static inline void yielder_take_into(asyncc_frame_t* fp, void* out) {
  int r = yielder_take(fp);
  if (out != NULL) *(int*)out = r;
}

/* async int waiter(asyncc_future_t* fut, int id, test_log_t* log) {
 *   int rc = await(asyncc_future_wait(fut));
 *   test_log_push(log, id);
 *   return rc; }                                                       */
struct waiter_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  asyncc_future_t* fut;
  int id;
  test_log_t* log;
  int rc;
  asyncc_frame_t* asyncc__c;
};

static inline int waiter_resume(asyncc_frame_t* asyncc__fp) {
  struct waiter_frame* asyncc__f = (struct waiter_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->asyncc__c = asyncc__asyncc_future_wait_start(asyncc__f->fut);
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
  asyncc__f->rc = asyncc__asyncc_future_wait_take(asyncc__f->asyncc__c);
  if (asyncc__f->log != NULL) test_log_push(asyncc__f->log, asyncc__f->id);
  asyncc__f->asyncc__ret = asyncc__f->rc;
  return ASYNCC_DONE;
}

static inline asyncc_frame_t* waiter_start(asyncc_future_t* fut, int id,
                                           test_log_t* log) {
  TEST_FRAME_NEW(struct waiter_frame, f, waiter_resume);
  f->fut = fut;
  f->id = id;
  f->log = log;
  return &f->hdr;
}

static inline int waiter_take(asyncc_frame_t* fp) {
  struct waiter_frame* f = (struct waiter_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static inline void waiter_take_into(asyncc_frame_t* fp, void* out) {
  int r = waiter_take(fp);
  if (out != NULL) *(int*)out = r;
}

/* async int join_all(asyncc_task_t** tasks, int n, int* results,
 *                    int* statuses) {
 *   for (int i = 0; i < n; i++)
 *     statuses[i] = await(asyncc_task_join(tasks[i], &results[i]));
 *   return 0; }                                                        */
struct join_all_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  asyncc_task_t** tasks;
  int n;
  int* results;
  int* statuses;
  int i;
  asyncc_frame_t* asyncc__c;
};

static inline int join_all_resume(asyncc_frame_t* asyncc__fp) {
  struct join_all_frame* asyncc__f = (struct join_all_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  for (asyncc__f->i = 0; asyncc__f->i < asyncc__f->n; asyncc__f->i++) {
    asyncc__f->asyncc__c = asyncc__asyncc_task_join_start(
        asyncc__f->tasks[asyncc__f->i], &asyncc__f->results[asyncc__f->i]);
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    asyncc__f->statuses[asyncc__f->i] =
        asyncc__asyncc_task_join_take(asyncc__f->asyncc__c);
  }
  asyncc__f->asyncc__ret = 0;
  return ASYNCC_DONE;
}

static inline asyncc_frame_t* join_all_start(asyncc_task_t** tasks, int n,
                                             int* results, int* statuses) {
  TEST_FRAME_NEW(struct join_all_frame, f, join_all_resume);
  f->tasks = tasks;
  f->n = n;
  f->results = results;
  f->statuses = statuses;
  return &f->hdr;
}

static inline int join_all_take(asyncc_frame_t* fp) {
  struct join_all_frame* f = (struct join_all_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

/* A scripted async function, for tests that await several different
 * things in sequence without writing a frame for each:
 *
 *   async int script(script_fn fn, void* ctx) {
 *     int last = 0;
 *     for (int step = 0;; step++) {
 *       asyncc_frame_t* c = fn(ctx, step, last, &take);   // plain code
 *       if (c == NULL) break;
 *       last = take(await(c));        // await whatever fn started
 *     }
 *     return last; }
 *
 * 'fn' runs plain code for one step (spawn, cancel, record results) and
 * returns the next async call to await, already started (a _start result),
 * with the matching _take in *take; NULL ends the script. */
typedef int (*script_take_fn)(asyncc_frame_t* frame);
typedef asyncc_frame_t* (*script_fn)(void* ctx, int step, int last,
                                     script_take_fn* take);

struct script_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  script_fn fn;
  void* ctx;
  int step;
  int last;
  script_take_fn take;
  asyncc_frame_t* asyncc__c;
};

static inline int script_resume(asyncc_frame_t* asyncc__fp) {
  struct script_frame* asyncc__f = (struct script_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  for (asyncc__f->step = 0;; asyncc__f->step++) {
    asyncc__f->asyncc__c = asyncc__f->fn(asyncc__f->ctx, asyncc__f->step,
                                         asyncc__f->last, &asyncc__f->take);
    if (asyncc__f->asyncc__c == NULL) break;
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    asyncc__f->last = asyncc__f->take(asyncc__f->asyncc__c);
  }
  asyncc__f->asyncc__ret = asyncc__f->last;
  return ASYNCC_DONE;
}

static inline asyncc_frame_t* script_start(script_fn fn, void* ctx) {
  TEST_FRAME_NEW(struct script_frame, f, script_resume);
  f->fn = fn;
  f->ctx = ctx;
  return &f->hdr;
}

static inline int script_take(asyncc_frame_t* fp) {
  struct script_frame* f = (struct script_frame*)fp;
  int r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

static inline void script_take_into(asyncc_frame_t* fp, void* out) {
  int r = script_take(fp);
  if (out != NULL) *(int*)out = r;
}

/* Shorthands for a script step: await one runtime function. */
#define SCRIPT_SLEEP(ms) \
  (*take = asyncc__asyncc_sleep_take, asyncc__asyncc_sleep_start(ms))
#define SCRIPT_YIELD() \
  (*take = asyncc__asyncc_yield_take, asyncc__asyncc_yield_start())
#define SCRIPT_JOIN(t, out)               \
  (*take = asyncc__asyncc_task_join_take, \
   asyncc__asyncc_task_join_start(t, out))
#define SCRIPT_GATHER(tasks, n) \
  (*take = asyncc__asyncc_gather_take, asyncc__asyncc_gather_start(tasks, n))
#define SCRIPT_RACE(tasks, n) \
  (*take = asyncc__asyncc_race_take, asyncc__asyncc_race_start(tasks, n))
#define SCRIPT_TIMEOUT(t, ms) \
  (*take = asyncc__asyncc_timeout_take, asyncc__asyncc_timeout_start(t, ms))
#define SCRIPT_SEND(ch, elem)             \
  (*take = asyncc__asyncc_chan_send_take, \
   asyncc__asyncc_chan_send_start(ch, elem))
#define SCRIPT_RECV(ch, out)              \
  (*take = asyncc__asyncc_chan_recv_take, \
   asyncc__asyncc_chan_recv_start(ch, out))
#define SCRIPT_WAIT(fut)                    \
  (*take = asyncc__asyncc_future_wait_take, \
   asyncc__asyncc_future_wait_start(fut))

#endif /* ASYNCC_TEST_UTIL_H */
