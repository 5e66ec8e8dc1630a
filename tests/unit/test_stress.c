/* test_stress.c - 100,000 concurrent tasks doing a mix of awaits (yield,
 * sleep, channel send and receive, future, file open/close), a random
 * third of them cancelled at random moments. Ends with every task
 * accounted for and nothing leaked: no frame or task (the runtime's live
 * count), no handle (uv_loop_close), no file descriptor.
 */
#include <dirent.h>

#include "test_util.h"

#define N 100000

typedef struct {
  asyncc_chan_t ch;
  asyncc_future_t fut;
  char path[256];
  int cancelled[N];
  asyncc_task_t* tasks[N];
  int results[N];
  int statuses[N];
  long sent;
  long received;
  unsigned seed;
} stress_t;

static stress_t* S;

static unsigned rnd(void) {
  S->seed = S->seed * 1103515245u + 12345u;
  return S->seed >> 8;
}

static int count_fds(void) {
  int n = 0;
  DIR* d = opendir("/proc/self/fd");
  while (readdir(d) != NULL) n++;
  closedir(d);
  return n;
}

/* async int worker(int i) {
 *   int rc, v, fd;
 *   if ((rc = await(asyncc_yield()))) return rc;
 *   if ((rc = await(asyncc_sleep(i % 17)))) return rc;
 *   switch (i % 3) {
 *     case 0: rc = await(asyncc_chan_send(&S->ch, &i)); if (!rc) sent++;
 *             break;
 *     case 1: rc = await(asyncc_chan_recv(&S->ch, &v)); if (!rc) recvd++;
 *             break;
 *     case 2: rc = await(asyncc_future_wait(&S->fut)); break;
 *   }
 *   if (rc && rc != UV_EOF && rc != UV_EPIPE) return rc;
 *   if (i % 997 == 0) {
 *     fd = await(asyncc_fs_open(S->path, UV_FS_O_RDONLY, 0));
 *     if (fd < 0) return fd;
 *     if ((rc = await(asyncc_fs_close(fd)))) return rc;
 *   }
 *   return await(asyncc_yield()); }                                      */
struct worker_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  int i;
  int rc;
  int v;
  int fd;
  asyncc_frame_t* asyncc__c;
};

static int worker_resume(asyncc_frame_t* asyncc__fp) {
  struct worker_frame* asyncc__f = (struct worker_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
    case 2:
      goto asyncc__L2;
    case 3:
      goto asyncc__L3;
    case 4:
      goto asyncc__L4;
    case 5:
      goto asyncc__L5;
    case 6:
      goto asyncc__L6;
    case 7:
      goto asyncc__L7;
    case 8:
      goto asyncc__L8;
  }
  asyncc__f->asyncc__c = asyncc__asyncc_yield_start();
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
  if ((asyncc__f->rc = asyncc__asyncc_yield_take(asyncc__f->asyncc__c)))
    goto done;
  asyncc__f->asyncc__c =
      asyncc__asyncc_sleep_start((uint64_t)(asyncc__f->i % 17));
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 2);
  if ((asyncc__f->rc = asyncc__asyncc_sleep_take(asyncc__f->asyncc__c)))
    goto done;
  switch (asyncc__f->i % 3) {
    case 0:
      asyncc__f->asyncc__c =
          asyncc__asyncc_chan_send_start(&S->ch, &asyncc__f->i);
      ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 3);
      asyncc__f->rc = asyncc__asyncc_chan_send_take(asyncc__f->asyncc__c);
      if (asyncc__f->rc == 0) S->sent++;
      break;
    case 1:
      asyncc__f->asyncc__c =
          asyncc__asyncc_chan_recv_start(&S->ch, &asyncc__f->v);
      ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 4);
      asyncc__f->rc = asyncc__asyncc_chan_recv_take(asyncc__f->asyncc__c);
      if (asyncc__f->rc == 0) S->received++;
      break;
    default:
      asyncc__f->asyncc__c = asyncc__asyncc_future_wait_start(&S->fut);
      ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 5);
      asyncc__f->rc = asyncc__asyncc_future_wait_take(asyncc__f->asyncc__c);
      break;
  }
  if (asyncc__f->rc && asyncc__f->rc != UV_EOF && asyncc__f->rc != UV_EPIPE)
    goto done;
  if (asyncc__f->i % 997 == 0) {
    asyncc__f->asyncc__c =
        asyncc__asyncc_fs_open_start(S->path, UV_FS_O_RDONLY, 0);
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 6);
    asyncc__f->fd = asyncc__asyncc_fs_open_take(asyncc__f->asyncc__c);
    if (asyncc__f->fd < 0) {
      asyncc__f->rc = asyncc__f->fd;
      goto done;
    }
    asyncc__f->asyncc__c = asyncc__asyncc_fs_close_start(asyncc__f->fd);
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 7);
    if ((asyncc__f->rc = asyncc__asyncc_fs_close_take(asyncc__f->asyncc__c)))
      goto done;
  }
  asyncc__f->asyncc__c = asyncc__asyncc_yield_start();
  ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 8);
  asyncc__f->rc = asyncc__asyncc_yield_take(asyncc__f->asyncc__c);
done:
  asyncc__f->asyncc__ret = asyncc__f->rc;
  return ASYNCC_DONE;
}

static asyncc_frame_t* worker_start(int i) {
  TEST_FRAME_NEW(struct worker_frame, f, worker_resume);
  f->i = i;
  return &f->hdr;
}

static void worker_take_into(asyncc_frame_t* fp, void* out) {
  struct worker_frame* f = (struct worker_frame*)fp;
  if (out != NULL) *(int*)out = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
}

/* The root: spawn everything, cancel random tasks over ~40 ms, then let
 * the rest finish (resolve the future, shut the channel) and join all. */
static asyncc_frame_t* stress_script(void* p, int step, int last,
                                     script_take_fn* take) {
  int i;
  int k;
  (void)p;
  (void)last;
  if (step == 0) {
    for (i = 0; i < N; i++)
      S->tasks[i] = asyncc__spawn(worker_start(i), worker_take_into);
    return SCRIPT_YIELD();
  }
  if (step <= 20) {
    for (k = 0; k < N / 60; k++) {
      i = (int)(rnd() % N);
      if (!S->cancelled[i]) {
        /* Cancelling a task that has ended does nothing: 2. */
        S->cancelled[i] = asyncc_task_is_done(S->tasks[i]) ? 2 : 1;
        assert_int_equal(asyncc_task_cancel(S->tasks[i]), 0);
      }
    }
    return SCRIPT_SLEEP(2);
  }
  if (step == 21) {
    asyncc_future_resolve(&S->fut, NULL);
    asyncc_chan_shutdown(&S->ch);
    *take = join_all_take;
    return join_all_start(S->tasks, N, S->results, S->statuses);
  }
  return NULL;
}

static void test_stress_many_tasks_random_cancel(void** state) {
  int fds;
  int i;
  int ncancelled = 0;
  int nfinished = 0;
  long live = asyncc__frame_live_count();
  FILE* fp;
  (void)state;

  uv_loop_close(uv_default_loop()); /* libuv's process-wide fds first */
  S = calloc(1, sizeof *S);
  S->seed = 42;
  snprintf(S->path, sizeof S->path, "/tmp/asyncc_stress_%d", (int)getpid());
  fp = fopen(S->path, "w");
  fclose(fp);
  fds = count_fds();
  assert_int_equal(asyncc_chan_init(&S->ch, sizeof(int), 64), 0);
  assert_int_equal(asyncc_future_init(&S->fut), 0);

  script_take(asyncc__run(script_start(stress_script, NULL)));

  for (i = 0; i < N; i++) {
    if (S->cancelled[i] == 1) {
      ncancelled++;
      assert_int_equal(S->statuses[i], UV_ECANCELED);
    } else {
      nfinished++;
      assert_int_equal(S->statuses[i], 0);
      /* Not cancelled: every await succeeded (a send may have met the
       * shutdown, a receive the end). */
      assert_int_equal(S->results[i], 0);
    }
    if (S->statuses[i] == UV_ECANCELED)
      assert_true(S->results[i] == 0 || S->results[i] == UV_ECANCELED);
  }
  print_message("cancelled %d, finished %d, sent %ld, received %ld\n",
                ncancelled, nfinished, S->sent, S->received);
  assert_true(ncancelled > N / 10);
  assert_true(nfinished > N / 3);
  assert_true(S->received <= S->sent);
  assert_true(S->sent - S->received <= 64); /* what stayed buffered */

  assert_int_equal(asyncc_chan_close(&S->ch), 0);
  assert_int_equal(asyncc_future_close(&S->fut), 0);
  assert_int_equal(asyncc__frame_live_count(), live);
  assert_int_equal(asyncc__handle_live_count(), 0);
  assert_int_equal(asyncc__fd_live_count(), 0);
  assert_int_equal(unlink(S->path), 0);
  free(S);
  test_end_clean();
  assert_int_equal(count_fds(), fds);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stress_many_tasks_random_cancel),
  };
  return cmocka_run_group_tests_name("stress", tests, NULL, NULL);
}
