/* test_chan.c - asyncc_chan_t: try_send/try_recv, producers and consumers,
 * shutdown, cancellation of blocked senders and receivers, misuse.
 */
#include "test_util.h"

/* async int producer(asyncc_chan_t* ch, int base, int n) {
 *   int rc = 0;
 *   for (int i = 0; i < n; i++) {
 *     int v = base + i;
 *     if ((rc = await(asyncc_chan_send(ch, &v))) != 0) break;
 *   }
 *   return rc; }                                                        */
struct producer_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  asyncc_chan_t* ch;
  int base;
  int n;
  int rc;
  int i;
  int v;
  asyncc_frame_t* asyncc__c;
};

static int producer_resume(asyncc_frame_t* asyncc__fp) {
  struct producer_frame* asyncc__f = (struct producer_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  asyncc__f->rc = 0;
  for (asyncc__f->i = 0; asyncc__f->i < asyncc__f->n; asyncc__f->i++) {
    asyncc__f->v = asyncc__f->base + asyncc__f->i;
    asyncc__f->asyncc__c =
        asyncc__asyncc_chan_send_start(asyncc__f->ch, &asyncc__f->v);
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    if ((asyncc__f->rc = asyncc__asyncc_chan_send_take(asyncc__f->asyncc__c)) !=
        0)
      break;
  }
  asyncc__f->asyncc__ret = asyncc__f->rc;
  return ASYNCC_DONE;
}

static asyncc_frame_t* producer_start(asyncc_chan_t* ch, int base, int n) {
  TEST_FRAME_NEW(struct producer_frame, f, producer_resume);
  f->ch = ch;
  f->base = base;
  f->n = n;
  return &f->hdr;
}

static void producer_take_into(asyncc_frame_t* fp, void* out) {
  struct producer_frame* f = (struct producer_frame*)fp;
  if (out != NULL) *(int*)out = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
}

/* async int consumer(asyncc_chan_t* ch, test_log_t* log) {
 *   int v, rc;
 *   while ((rc = await(asyncc_chan_recv(ch, &v))) == 0) log_push(log, v);
 *   return rc; }                                                        */
struct consumer_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  asyncc_chan_t* ch;
  test_log_t* log;
  int v;
  int rc;
  asyncc_frame_t* asyncc__c;
};

static int consumer_resume(asyncc_frame_t* asyncc__fp) {
  struct consumer_frame* asyncc__f = (struct consumer_frame*)asyncc__fp;
  switch (asyncc__f->hdr.state) {
    case 0:
      break;
    case 1:
      goto asyncc__L1;
  }
  for (;;) {
    asyncc__f->asyncc__c =
        asyncc__asyncc_chan_recv_start(asyncc__f->ch, &asyncc__f->v);
    ASYNCC__AWAIT(asyncc__f, asyncc__f->asyncc__c, 1);
    if ((asyncc__f->rc = asyncc__asyncc_chan_recv_take(asyncc__f->asyncc__c)) !=
        0)
      break;
    test_log_push(asyncc__f->log, asyncc__f->v);
  }
  asyncc__f->asyncc__ret = asyncc__f->rc;
  return ASYNCC_DONE;
}

static asyncc_frame_t* consumer_start(asyncc_chan_t* ch, test_log_t* log) {
  TEST_FRAME_NEW(struct consumer_frame, f, consumer_resume);
  f->ch = ch;
  f->log = log;
  return &f->hdr;
}

static void consumer_take_into(asyncc_frame_t* fp, void* out) {
  struct consumer_frame* f = (struct consumer_frame*)fp;
  if (out != NULL) *(int*)out = f->asyncc__ret;
  asyncc__frame_free(f, sizeof *f);
}

/* ---- plain code ---------------------------------------------------------- */

static void test_chan_try_send_recv(void** state) {
  asyncc_chan_t ch;
  int v;
  (void)state;

  assert_int_equal(asyncc_chan_init(NULL, 4, 1), UV_EINVAL);
  assert_int_equal(asyncc_chan_init(&ch, 0, 1), UV_EINVAL);
  assert_int_equal(asyncc_chan_init(&ch, SIZE_MAX / 2, 4), UV_EINVAL);
  assert_int_equal(asyncc_chan_init(&ch, sizeof(int), 2), 0);
  assert_int_equal(ch.capacity, 2);
  v = 1;
  assert_int_equal(asyncc_chan_try_send(&ch, &v), 0);
  v = 2;
  assert_int_equal(asyncc_chan_try_send(&ch, &v), 0);
  v = 3;
  assert_int_equal(asyncc_chan_try_send(&ch, &v), UV_EAGAIN);
  assert_int_equal(ch.count, 2);
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), 0);
  assert_int_equal(v, 1);
  v = 3;
  assert_int_equal(asyncc_chan_try_send(&ch, &v), 0); /* wraps around */
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), 0);
  assert_int_equal(v, 2);
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), 0);
  assert_int_equal(v, 3);
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), UV_EAGAIN);
  assert_int_equal(asyncc_chan_try_send(&ch, NULL), UV_EINVAL);
  assert_int_equal(asyncc_chan_try_recv(&ch, NULL), UV_EINVAL);

  v = 4;
  assert_int_equal(asyncc_chan_try_send(&ch, &v), 0);
  assert_int_equal(asyncc_chan_shutdown(&ch), 0);
  assert_int_equal(asyncc_chan_shutdown(&ch), 0);
  assert_int_equal(asyncc_chan_try_send(&ch, &v), UV_EPIPE);
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), 0); /* drained first */
  assert_int_equal(v, 4);
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), UV_EOF);
  assert_int_equal(asyncc_chan_close(&ch), 0);
  assert_int_equal(asyncc_chan_close(&ch), UV_EINVAL);
  assert_int_equal(asyncc_chan_try_send(&ch, &v), UV_EINVAL);
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), UV_EINVAL);
  assert_int_equal(asyncc_chan_shutdown(&ch), UV_EINVAL);
  assert_int_equal(asyncc_chan_shutdown(NULL), UV_EINVAL);
  assert_int_equal(asyncc_chan_close(NULL), UV_EINVAL);

  /* Capacity 0 and nobody waiting: nothing can be sent or received. */
  assert_int_equal(asyncc_chan_init(&ch, sizeof(int), 0), 0);
  assert_int_equal(asyncc_chan_try_send(&ch, &v), UV_EAGAIN);
  assert_int_equal(asyncc_chan_try_recv(&ch, &v), UV_EAGAIN);
  assert_int_equal(asyncc_chan_close(&ch), 0);
  test_end_clean();
}

static void* no_malloc(size_t size) {
  (void)size;
  return NULL;
}

static void test_chan_init_oom(void** state) {
  asyncc_chan_t ch;
  (void)state;
  assert_int_equal(asyncc_replace_allocator(no_malloc, realloc, calloc, free),
                   0);
  assert_int_equal(asyncc_chan_init(&ch, sizeof(int), 8), UV_ENOMEM);
  assert_int_equal(asyncc_chan_init(&ch, sizeof(int), 0), 0); /* no buffer */
  assert_int_equal(asyncc_replace_allocator(malloc, realloc, calloc, free), 0);
  assert_int_equal(asyncc_chan_close(&ch), 0);
}

/* ---- producers and consumers --------------------------------------------- */

typedef struct {
  asyncc_chan_t ch;
  asyncc_task_t* t[8];
  int r[8];
  int rc[8];
  int n; /* tasks in t[] to join, after the producers */
  int producers;
  test_log_t log;
  test_log_t log2;
} ctx_t;

/* Joins the producers, shuts the channel, joins the consumers. */
static asyncc_frame_t* pipeline_script(void* p, int step, int last,
                                       script_take_fn* take) {
  ctx_t* c = p;
  if (step > 0) c->rc[step - 1] = last;
  if (step == c->producers) asyncc_chan_shutdown(&c->ch);
  if (step < c->n) return SCRIPT_JOIN(c->t[step], &c->r[step]);
  return NULL;
}

static void run_pipeline(size_t capacity) {
  ctx_t c;
  int i;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_chan_init(&c.ch, sizeof(int), capacity), 0);
  c.t[0] = asyncc__spawn(producer_start(&c.ch, 0, 1000), producer_take_into);
  c.t[1] = asyncc__spawn(consumer_start(&c.ch, &c.log), consumer_take_into);
  c.producers = 1;
  c.n = 2;
  script_take(asyncc__run(script_start(pipeline_script, &c)));
  assert_int_equal(c.rc[0], 0);
  assert_int_equal(c.r[0], 0);
  assert_int_equal(c.r[1], UV_EOF);
  assert_int_equal(c.log.n, 1000);
  for (i = 0; i < 1000; i++) assert_int_equal(c.log.v[i], i);
  assert_int_equal(asyncc_chan_close(&c.ch), 0);
  test_end_clean();
}

static void test_chan_pipeline_buffered(void** state) {
  (void)state;
  run_pipeline(4);
}

static void test_chan_pipeline_unbuffered(void** state) {
  (void)state;
  run_pipeline(0);
}

/* Three producers, two consumers: every element arrives exactly once, and
 * each producer's elements in order. */
static void test_chan_many_to_many(void** state) {
  ctx_t c;
  int seen[300];
  int last_of[3] = {-1, -1, -1};
  int i;
  (void)state;

  memset(&c, 0, sizeof c);
  memset(seen, 0, sizeof seen);
  assert_int_equal(asyncc_chan_init(&c.ch, sizeof(int), 3), 0);
  for (i = 0; i < 3; i++)
    c.t[i] =
        asyncc__spawn(producer_start(&c.ch, i * 100, 100), producer_take_into);
  c.t[3] = asyncc__spawn(consumer_start(&c.ch, &c.log), consumer_take_into);
  c.t[4] = asyncc__spawn(consumer_start(&c.ch, &c.log2), consumer_take_into);
  c.producers = 3;
  c.n = 5;
  script_take(asyncc__run(script_start(pipeline_script, &c)));
  assert_int_equal(c.log.n + c.log2.n, 300);
  assert_true(c.log.n > 0 && c.log2.n > 0); /* both got work */
  for (i = 0; i < c.log.n; i++) seen[c.log.v[i]]++;
  for (i = 0; i < c.log2.n; i++) seen[c.log2.v[i]]++;
  for (i = 0; i < 300; i++) assert_int_equal(seen[i], 1);
  for (i = 0; i < c.log.n; i++) {
    int v = c.log.v[i];
    assert_true(v > last_of[v / 100]);
    last_of[v / 100] = v;
  }
  assert_int_equal(asyncc_chan_close(&c.ch), 0);
  test_end_clean();
}

/* ---- shutdown and cancellation ------------------------------------------- */

static asyncc_frame_t* blocked_script(void* p, int step, int last,
                                      script_take_fn* take) {
  ctx_t* c = p;
  switch (step) {
    case 0:
      /* Two blocked receivers on an empty channel. */
      c->t[0] =
          asyncc__spawn(consumer_start(&c->ch, &c->log), consumer_take_into);
      c->t[1] =
          asyncc__spawn(consumer_start(&c->ch, &c->log), consumer_take_into);
      return SCRIPT_YIELD();
    case 1:
      c->rc[0] = asyncc_chan_close(&c->ch); /* busy */
      asyncc_task_cancel(c->t[0]);
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    case 2:
      c->rc[1] = last;
      asyncc_chan_shutdown(&c->ch);
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    default:
      c->rc[2] = last;
      return NULL;
  }
}

static void test_chan_blocked_receivers(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_chan_init(&c.ch, sizeof(int), 1), 0);
  script_take(asyncc__run(script_start(blocked_script, &c)));
  assert_int_equal(c.rc[0], UV_EBUSY);
  assert_int_equal(c.rc[1], UV_ECANCELED);
  assert_int_equal(c.r[0], UV_ECANCELED);
  assert_int_equal(c.r[1], UV_EOF);
  assert_int_equal(c.rc[2], 0);
  assert_int_equal(c.log.n, 0);
  assert_int_equal(asyncc_chan_close(&c.ch), 0);
  test_end_clean();
}

static asyncc_frame_t* blocked_senders_script(void* p, int step, int last,
                                              script_take_fn* take) {
  ctx_t* c = p;
  static int v;
  switch (step) {
    case 0:
      /* Capacity 1: the first element fits, then each sender blocks. */
      c->t[0] = asyncc__spawn(producer_start(&c->ch, 0, 5), producer_take_into);
      c->t[1] =
          asyncc__spawn(producer_start(&c->ch, 10, 5), producer_take_into);
      return SCRIPT_YIELD();
    case 1:
      asyncc_task_cancel(c->t[0]);
      return SCRIPT_JOIN(c->t[0], &c->r[0]);
    case 2:
      c->rc[0] = last;
      return SCRIPT_RECV(&c->ch, &v); /* the buffered 0; t[1]'s 10 moves in */
    case 3:
      c->rc[1] = v;
      return SCRIPT_RECV(&c->ch, &v);
    case 4:
      c->rc[2] = v;
      asyncc_chan_shutdown(&c->ch); /* t[1] is blocked with 11 */
      return SCRIPT_JOIN(c->t[1], &c->r[1]);
    default:
      c->rc[3] = last;
      return NULL;
  }
}

static void test_chan_blocked_senders(void** state) {
  ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_chan_init(&c.ch, sizeof(int), 1), 0);
  script_take(asyncc__run(script_start(blocked_senders_script, &c)));
  assert_int_equal(c.rc[0], UV_ECANCELED);
  assert_int_equal(c.r[0], UV_ECANCELED); /* its blocked send (1) */
  assert_int_equal(c.rc[1], 0);
  assert_int_equal(c.rc[2], 10);
  assert_int_equal(c.r[1], UV_EPIPE);
  assert_int_equal(c.rc[3], 0);
  assert_int_equal(c.ch.count, 0);
  assert_int_equal(asyncc_chan_close(&c.ch), 0);
  test_end_clean();
}

/* Callback code feeds a channel that a task drains. */
static int fed;

static void feed_cb(uv_timer_t* t) {
  asyncc_chan_t* ch = t->data;
  if (fed == 3) {
    asyncc_chan_shutdown(ch);
    uv_close((uv_handle_t*)t, NULL);
    return;
  }
  assert_int_equal(asyncc_chan_try_send(ch, &fed), 0);
  fed++;
}

static void test_chan_fed_by_callback(void** state) {
  asyncc_chan_t ch;
  uv_timer_t timer;
  test_log_t log = {{0}, 0};
  int rc = 0;
  (void)state;

  fed = 0;
  assert_int_equal(asyncc_chan_init(&ch, sizeof(int), 0), 0);
  assert_int_equal(uv_timer_init(uv_default_loop(), &timer), 0);
  timer.data = &ch;
  assert_int_equal(uv_timer_start(&timer, feed_cb, 1, 1), 0);
  consumer_take_into(asyncc__run(consumer_start(&ch, &log)), &rc);
  assert_int_equal(rc, UV_EOF);
  assert_int_equal(log.n, 3);
  assert_int_equal(log.v[2], 2);
  assert_int_equal(asyncc_chan_close(&ch), 0);
  test_end_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_chan_try_send_recv),
      cmocka_unit_test(test_chan_init_oom),
      cmocka_unit_test(test_chan_pipeline_buffered),
      cmocka_unit_test(test_chan_pipeline_unbuffered),
      cmocka_unit_test(test_chan_many_to_many),
      cmocka_unit_test(test_chan_blocked_receivers),
      cmocka_unit_test(test_chan_blocked_senders),
      cmocka_unit_test(test_chan_fed_by_callback),
  };
  return cmocka_run_group_tests_name("chan", tests, NULL, NULL);
}
