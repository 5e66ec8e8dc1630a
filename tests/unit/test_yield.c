/* test_yield.c - asyncc_yield and the fairness of the ready queue: tasks
 * that yield take turns, yielding never starves I/O, and I/O never starves
 * the ready queue.
 */
#include <sys/socket.h>

#include "test_util.h"

static void test_yield_round_robin(void** state) {
  asyncc_task_t* tasks[3];
  int results[3];
  int statuses[3];
  test_log_t log = {{0}, 0};
  int i;
  (void)state;

  for (i = 0; i < 3; i++)
    tasks[i] = asyncc__spawn(yielder_start(i + 1, 3, &log), yielder_take_into);
  join_all_take(asyncc__run(join_all_start(tasks, 3, results, statuses)));
  assert_int_equal(log.n, 9);
  for (i = 0; i < 9; i++) assert_int_equal(log.v[i], i % 3 + 1);
  for (i = 0; i < 3; i++) {
    assert_int_equal(results[i], 0);
    assert_int_equal(statuses[i], 0);
  }
  test_end_clean();
}

/* A yield in a cancelled task still waits for the next turn, then returns
 * UV_ECANCELED (a loop over awaits that ignores results cannot spin). */
static void test_yield_cancelled(void** state) {
  asyncc_task_t* t;
  int result = 1;
  int status = 1;
  test_log_t log = {{0}, 0};
  (void)state;

  t = asyncc__spawn(yielder_start(1, 4, &log), yielder_take_into);
  assert_int_equal(asyncc_task_cancel(t), 0);
  join_all_take(asyncc__run(join_all_start(&t, 1, &result, &status)));
  assert_int_equal(log.n, 4);
  assert_int_equal(result, UV_ECANCELED);
  assert_int_equal(status, UV_ECANCELED);
  test_end_clean();
}

/* ---- fairness ---------------------------------------------------------- */

/* async long spin(int* stop) {
 *   long n = 0;
 *   while (!*stop) { await(asyncc_yield()); n++; }
 *   return n; }                                                         */
struct spin_frame {
  asyncc_frame_t hdr;
  long asyncc__ret;
  int* stop;
  long n;
  asyncc_frame_t* asyncc__c;
};

static int spin_resume(asyncc_frame_t* asyncc__fp) {
  struct spin_frame* asyncc__f = (struct spin_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->n = 0;
  while (!*asyncc__f->stop) {
    asyncc__f->asyncc__c = asyncc__asyncc_yield_start();
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    (void)asyncc__asyncc_yield_take(asyncc__f->asyncc__c);
    asyncc__f->n++;
  }
  asyncc__f->asyncc__ret = asyncc__f->n;
  return ASYNCC_DONE;
}

static asyncc_frame_t* spin_start(int* stop) {
  TEST_FRAME_NEW(struct spin_frame, f, spin_resume);
  f->stop = stop;
  return &f->hdr;
}

static long spin_take(asyncc_frame_t* fp) {
  struct spin_frame* f = (struct spin_frame*)fp;
  long r = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
  return r;
}

/* A socket pair: one side writes a byte each time the other reads one, so
 * there is always I/O ready. */
typedef struct {
  uv_pipe_t a;
  uv_pipe_t b;
  char byte;
  long reads;
  long stop_after; /* stop the spinner after this many reads; 0: never */
  int* stop;
  int closed;
} pingpong_t;

static void pp_alloc(uv_handle_t* h, size_t size, uv_buf_t* buf) {
  pingpong_t* pp = h->data;
  (void)size;
  *buf = uv_buf_init(&pp->byte, 1);
}

static void pp_write_cb(uv_write_t* req, int status) {
  (void)status;
  free(req);
}

static void pp_send(uv_pipe_t* to) {
  pingpong_t* pp = to->data;
  uv_write_t* req = malloc(sizeof *req);
  uv_buf_t buf = uv_buf_init(&pp->byte, 1);
  uv_write(req, (uv_stream_t*)to, &buf, 1, pp_write_cb);
}

static void pp_read(uv_stream_t* s, ssize_t n, const uv_buf_t* buf) {
  pingpong_t* pp = s->data;
  (void)buf;
  if (n <= 0) return;
  pp->reads++;
  if (pp->stop_after != 0 && pp->reads >= pp->stop_after) *pp->stop = 1;
  pp_send((uv_pipe_t*)s); /* answer on the same end: the other reads */
}

static void pp_closed(uv_handle_t* h) {
  pingpong_t* pp = h->data;
  pp->closed++;
}

static void pp_open(pingpong_t* pp) {
  int fds[2];
  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  assert_int_equal(uv_pipe_init(uv_default_loop(), &pp->a, 0), 0);
  assert_int_equal(uv_pipe_init(uv_default_loop(), &pp->b, 0), 0);
  assert_int_equal(uv_pipe_open(&pp->a, fds[0]), 0);
  assert_int_equal(uv_pipe_open(&pp->b, fds[1]), 0);
  pp->a.data = pp;
  pp->b.data = pp;
  uv_read_start((uv_stream_t*)&pp->a, pp_alloc, pp_read);
  uv_read_start((uv_stream_t*)&pp->b, pp_alloc, pp_read);
  pp_send(&pp->a);
}

static void pp_close(pingpong_t* pp) {
  uv_close((uv_handle_t*)&pp->a, pp_closed);
  uv_close((uv_handle_t*)&pp->b, pp_closed);
  uv_run(uv_default_loop(), UV_RUN_DEFAULT);
  assert_int_equal(pp->closed, 2);
}

/* Yielding never starves I/O: a task that yields until I/O has happened
 * 100 times gets there. */
static void test_yield_does_not_starve_io(void** state) {
  pingpong_t pp;
  int stop = 0;
  long spins;
  (void)state;

  memset(&pp, 0, sizeof pp);
  pp.stop = &stop;
  pp.stop_after = 100;
  pp_open(&pp);
  spins = spin_take(asyncc__run(spin_start(&stop)));
  assert_true(pp.reads >= 100);
  /* One read per loop turn at most, and one yield per turn. */
  assert_true(spins >= 99);
  pp_close(&pp);
  test_end_clean();
}

/* I/O never starves the ready queue: with I/O ready on every turn, a task
 * yielding 1000 times still finishes (and I/O kept flowing meanwhile). */
static void test_yield_io_does_not_starve_ready_queue(void** state) {
  pingpong_t pp;
  int stop = 0;
  test_log_t log = {{0}, 0};
  (void)state;

  memset(&pp, 0, sizeof pp);
  pp.stop = &stop;
  pp_open(&pp);
  assert_int_equal(yielder_take(asyncc__run(yielder_start(1, 1000, &log))), 0);
  assert_int_equal(log.n, 1000);
  assert_true(pp.reads > 0);
  pp_close(&pp);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_yield_round_robin),
      cmocka_unit_test(test_yield_cancelled),
      cmocka_unit_test(test_yield_does_not_starve_io),
      cmocka_unit_test(test_yield_io_does_not_starve_ready_queue),
  };
  return cmocka_run_group_tests_name("yield", tests, NULL, NULL);
}
