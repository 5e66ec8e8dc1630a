/* test_embed.c - the runtime's leaf frames embedded in the awaiting frame
 * (asyncc/leaves.h): asyncc__F_init in caller memory, the result in
 * asyncc__ret, no allocation per await, cancellation while suspended, and
 * the memory owning nothing once the leaf completed.
 *
 * The parent is written as asyncc generates a caller whose awaited leaves
 * live in its union asyncc__u of callee frames.
 */
#include "test_util.h"

enum {
  OP_YIELD,
  OP_SLEEP,
  OP_WAIT,
  OP_SEND,
  OP_RECV,
  OP_YIELD_SUSPEND,
  OP_WAIT_PARK
};

typedef struct {
  int kind;
  uint64_t ms;          /* OP_SLEEP */
  asyncc_future_t* fut; /* OP_WAIT */
  asyncc_chan_t* ch;    /* OP_SEND, OP_RECV */
  int* elem;            /* what to send, where to receive */
} op_t;

/* async int embedder(const op_t* ops, int n, int* results) {
 *   for (int i = 0; i < n; i++) {
 *     switch (ops[i].kind) {
 *       case OP_YIELD: results[i] = await(asyncc_yield()); break;
 *       case OP_SLEEP: results[i] = await(asyncc_sleep(ops[i].ms)); break;
 *       case OP_WAIT:  results[i] = await(asyncc_future_wait(ops[i].fut));
 *       ...
 *     }
 *   }
 *   return n; }
 *
 * After each await the union is scribbled over: the completed leaf must
 * own nothing the runtime still looks at. OP_YIELD runs the yield's frame
 * (ASYNCC__AWAIT), as a caller would that cannot see asyncc_yield's
 * asyncc__asyncc_yield_suspend; OP_YIELD_SUSPEND awaits it as asyncc
 * generates it (ASYNCC__AWAIT_SUSPEND): the frame is never initialized.
 * OP_WAIT runs asyncc_future_wait's frame; OP_WAIT_PARK awaits it as asyncc
 * generates it (ASYNCC__AWAIT_PARK): no frame, the task waits itself. */
struct embedder_frame {
  asyncc_frame_t hdr;
  int asyncc__ret;
  const op_t* ops;
  int n;
  int* results;
  int i;
  union {
    struct asyncc__asyncc_yield_frame asyncc_yield;
    struct asyncc__asyncc_sleep_frame asyncc_sleep;
    struct asyncc__asyncc_future_wait_frame asyncc_future_wait;
    struct asyncc__asyncc_chan_send_frame asyncc_chan_send;
    struct asyncc__asyncc_chan_recv_frame asyncc_chan_recv;
  } asyncc__u;
};

static int embedder_resume(asyncc_frame_t* asyncc__fp) {
  struct embedder_frame* asyncc__f = (struct embedder_frame*)asyncc__fp;
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
    default:
      return ASYNCC_DONE;
  }
  for (asyncc__f->i = 0; asyncc__f->i < asyncc__f->n; asyncc__f->i++) {
    const op_t* op = &asyncc__f->ops[asyncc__f->i];
    switch (op->kind) {
      case OP_YIELD:
        asyncc__asyncc_yield_init(&asyncc__f->asyncc__u.asyncc_yield);
        ASYNCC__AWAIT(asyncc__f, &asyncc__f->asyncc__u.asyncc_yield.hdr, 1);
        asyncc__f->results[asyncc__f->i] =
            asyncc__f->asyncc__u.asyncc_yield.asyncc__ret;
        break;
      case OP_SLEEP:
        asyncc__asyncc_sleep_init(&asyncc__f->asyncc__u.asyncc_sleep, op->ms);
        ASYNCC__AWAIT(asyncc__f, &asyncc__f->asyncc__u.asyncc_sleep.hdr, 2);
        asyncc__f->results[asyncc__f->i] =
            asyncc__f->asyncc__u.asyncc_sleep.asyncc__ret;
        break;
      case OP_SEND:
        asyncc__asyncc_chan_send_init(&asyncc__f->asyncc__u.asyncc_chan_send,
                                      op->ch, op->elem);
        ASYNCC__AWAIT(asyncc__f, &asyncc__f->asyncc__u.asyncc_chan_send.hdr, 4);
        asyncc__f->results[asyncc__f->i] =
            asyncc__f->asyncc__u.asyncc_chan_send.asyncc__ret;
        break;
      case OP_RECV:
        asyncc__asyncc_chan_recv_init(&asyncc__f->asyncc__u.asyncc_chan_recv,
                                      op->ch, op->elem);
        ASYNCC__AWAIT(asyncc__f, &asyncc__f->asyncc__u.asyncc_chan_recv.hdr, 5);
        asyncc__f->results[asyncc__f->i] =
            asyncc__f->asyncc__u.asyncc_chan_recv.asyncc__ret;
        break;
      case OP_YIELD_SUSPEND:
        ASYNCC__AWAIT_SUSPEND(asyncc__f, &asyncc__f->asyncc__u.asyncc_yield,
                              asyncc__asyncc_yield_suspend(&asyncc__f->hdr), 6);
        asyncc__f->results[asyncc__f->i] =
            asyncc__f->asyncc__u.asyncc_yield.asyncc__ret;
        break;
      case OP_WAIT_PARK:
        ASYNCC__AWAIT_PARK(
            asyncc__f,
            asyncc__asyncc_future_wait_park(&asyncc__f->hdr, op->fut), 7);
        asyncc__f->results[asyncc__f->i] = asyncc__asyncc_future_wait_result();
        break;
      default:
        asyncc__asyncc_future_wait_init(
            &asyncc__f->asyncc__u.asyncc_future_wait, op->fut);
        ASYNCC__AWAIT(asyncc__f, &asyncc__f->asyncc__u.asyncc_future_wait.hdr,
                      3);
        asyncc__f->results[asyncc__f->i] =
            asyncc__f->asyncc__u.asyncc_future_wait.asyncc__ret;
        break;
    }
    memset(&asyncc__f->asyncc__u, 0xA5, sizeof asyncc__f->asyncc__u);
  }
  asyncc__f->asyncc__ret = asyncc__f->n;
  return ASYNCC_DONE;
}

static asyncc_frame_t* embedder_start(const op_t* ops, int n, int* results) {
  struct embedder_frame* f = asyncc__frame_alloc(sizeof *f);
  /* Garbage, as frame memory is: the leaves' _init must not rely on it. */
  memset(f, 0x5A, sizeof *f);
  asyncc__frame_init(&f->hdr, embedder_resume);
  f->ops = ops;
  f->n = n;
  f->results = results;
  return &f->hdr;
}

static int embedder_take(asyncc_frame_t* fp) {
  int r = ((struct embedder_frame*)fp)->asyncc__ret;
  asyncc__frame_free(fp, sizeof(struct embedder_frame));
  return r;
}

static void embedder_take_into(asyncc_frame_t* fp, void* out) {
  int r = embedder_take(fp);
  if (out != NULL) *(int*)out = r;
}

/* The frames have the documented shape. */
static void test_embed_layout(void** state) {
  (void)state;
  assert_int_equal(offsetof(struct asyncc__asyncc_yield_frame, hdr), 0);
  assert_int_equal(offsetof(struct asyncc__asyncc_sleep_frame, hdr), 0);
  assert_int_equal(offsetof(struct asyncc__asyncc_future_wait_frame, hdr), 0);
  assert_true(sizeof(asyncc_frame_t) <= 3 * sizeof(void*));
  assert_true(sizeof(struct asyncc__asyncc_yield_frame) <= 32);
  assert_true(sizeof(struct asyncc__asyncc_sleep_frame) <= 64);
  assert_true(sizeof(struct asyncc__asyncc_future_wait_frame) <= 56);
  assert_int_equal(offsetof(struct asyncc__asyncc_chan_send_frame, hdr), 0);
  assert_int_equal(offsetof(struct asyncc__asyncc_chan_recv_frame, hdr), 0);
  assert_true(sizeof(struct asyncc__asyncc_chan_send_frame) <= 72);
  assert_true(sizeof(struct asyncc__asyncc_chan_recv_frame) <= 72);
}

/* ---- a run with every leaf embedded, watched from a uv timer ----------- */

typedef struct {
  uv_timer_t timer;
  struct embedder_frame* parent; /* the root, to watch its state */
  asyncc_future_t* fut;
  long live_max;
  long live_min;
  int ticks;
  int seen_sleeping;
  int seen_waiting;
  int wait_state; /* the parent's state while it waits on 'fut' */
} watch_t;

/* Every millisecond: count the runtime's blocks while the parent is
 * suspended; once it waits on the future, resolve it. */
static void watch_tick(uv_timer_t* timer) {
  watch_t* w = timer->data;
  long live = asyncc__frame_live_count();
  if (live > w->live_max) w->live_max = live;
  if (live < w->live_min) w->live_min = live;
  w->ticks++;
  if (w->parent->hdr.state == 2) w->seen_sleeping = 1;
  if (w->parent->hdr.state == w->wait_state) {
    w->seen_waiting = 1;
    assert_int_equal(asyncc_future_resolve(w->fut, NULL), 0);
    uv_timer_stop(timer);
    uv_close((uv_handle_t*)timer, NULL);
  }
}

static void no_allocation_per_await(int wait_kind, int wait_state) {
  asyncc_future_t fut;
  op_t ops[4];
  int results[4] = {9, 9, 9, 9};
  watch_t w;
  asyncc_frame_t* root;

  assert_int_equal(asyncc_future_init(&fut), 0);
  ops[0].kind = OP_YIELD;
  ops[1].kind = OP_SLEEP;
  ops[1].ms = 20;
  ops[2].kind = OP_YIELD;
  ops[3].kind = wait_kind;
  ops[3].fut = &fut;
  root = embedder_start(ops, 4, results);

  memset(&w, 0, sizeof w);
  w.parent = (struct embedder_frame*)root;
  w.wait_state = wait_state;
  w.fut = &fut;
  w.live_min = 1000;
  uv_timer_init(uv_default_loop(), &w.timer);
  w.timer.data = &w;
  uv_timer_start(&w.timer, watch_tick, 1, 1);

  assert_int_equal(embedder_take(asyncc__run(root)), 4);
  assert_int_equal(results[0], 0);
  assert_int_equal(results[1], 0);
  assert_int_equal(results[2], 0);
  assert_int_equal(results[3], 0);
  assert_true(w.seen_sleeping);
  assert_true(w.seen_waiting);
  /* The root frame and its task, nothing per await. */
  assert_int_equal(w.live_max, 2);
  assert_int_equal(w.live_min, 2);
  assert_int_equal(asyncc_future_close(&fut), 0);
  uv_run(uv_default_loop(), UV_RUN_DEFAULT); /* the watch timer's close */
  test_end_clean();
}

static void test_embed_no_allocation_per_await(void** state) {
  (void)state;
  no_allocation_per_await(OP_WAIT, 3);
}

/* A parked wait allocates nothing either: no frame at all. */
static void test_embed_park_no_allocation(void** state) {
  (void)state;
  no_allocation_per_await(OP_WAIT_PARK, 7);
}

/* A future that is already done: the embedded wait completes without a
 * trip through the loop, with the future's status; an invalid future gives
 * UV_EINVAL. */
static void wait_done_and_invalid(int kind) {
  asyncc_future_t fut;
  asyncc_future_t bad;
  op_t ops[2];
  int results[2] = {9, 9};

  assert_int_equal(asyncc_future_init(&fut), 0);
  assert_int_equal(asyncc_future_reject(&fut, UV_EPIPE), 0);
  memset(&bad, 0, sizeof bad);
  ops[0].kind = kind;
  ops[0].fut = &fut;
  ops[1].kind = kind;
  ops[1].fut = &bad;
  assert_int_equal(embedder_take(asyncc__run(embedder_start(ops, 2, results))),
                   2);
  assert_int_equal(results[0], UV_EPIPE);
  assert_int_equal(results[1], UV_EINVAL);
  assert_int_equal(asyncc_future_close(&fut), 0);
  test_end_clean();
}

static void test_embed_wait_done_and_invalid(void** state) {
  (void)state;
  wait_done_and_invalid(OP_WAIT);
}

static void test_embed_park_done_and_invalid(void** state) {
  (void)state;
  wait_done_and_invalid(OP_WAIT_PARK);
}

/* ---- cancellation while suspended in an embedded leaf ------------------ */

typedef struct {
  asyncc_future_t fut;
  op_t victim_ops[1];
  int victim_results[1];
  op_t other_ops[1];
  int other_results[1];
  asyncc_task_t* victim;
  asyncc_task_t* other;
  int victim_status;
  int other_status;
  int victim_value;
  int other_value;
  int victim_state_at_cancel;
  unsigned timers_after;
  int waiters_empty_after;
} cancel_ctx_t;

static asyncc_frame_t* cancel_script(void* ctx, int step, int last,
                                     script_take_fn* take) {
  cancel_ctx_t* c = ctx;
  (void)last;
  switch (step) {
    case 0:
      c->victim =
          asyncc__spawn(embedder_start(c->victim_ops, 1, c->victim_results),
                        embedder_take_into);
      c->other =
          asyncc__spawn(embedder_start(c->other_ops, 1, c->other_results),
                        embedder_take_into);
      return SCRIPT_SLEEP(5); /* both are suspended in their leaf */
    case 1:
      c->victim_state_at_cancel = c->victim->frame->state;
      assert_int_equal(asyncc_task_cancel(c->victim), 0);
      return (*take = asyncc__asyncc_task_join_take,
              asyncc__asyncc_task_join_start(c->victim, &c->victim_value));
    case 2:
      c->victim_status = last;
      c->timers_after = asyncc__current_runner->timers.nelts;
      c->waiters_empty_after = c->fut.waiters == NULL;
      return (*take = asyncc__asyncc_task_join_take,
              asyncc__asyncc_task_join_start(c->other, &c->other_value));
    default:
      c->other_status = last;
      return NULL;
  }
}

static void run_cancel_case(cancel_ctx_t* c) {
  uint64_t t0 = uv_hrtime();
  script_take(asyncc__run(script_start(cancel_script, c)));
  assert_true((uv_hrtime() - t0) / 1000000 < 2000);
}

/* Cancelling a task asleep in an embedded asyncc_sleep removes its timer
 * from the heap (another sleeper's timer still fires) and reports
 * UV_ECANCELED in asyncc__ret. */
static void test_embed_cancel_sleep(void** state) {
  cancel_ctx_t c;
  (void)state;
  memset(&c, 0, sizeof c);
  c.victim_ops[0].kind = OP_SLEEP;
  c.victim_ops[0].ms = 100000;
  c.victim_results[0] = 9;
  c.other_ops[0].kind = OP_SLEEP;
  c.other_ops[0].ms = 30;
  c.other_results[0] = 9;
  run_cancel_case(&c);
  assert_int_equal(c.victim_state_at_cancel, 1); /* SLEEP_WAITING */
  assert_int_equal(c.victim_results[0], UV_ECANCELED);
  assert_int_equal(c.victim_status, UV_ECANCELED);
  assert_int_equal(c.victim_value, 1); /* the embedder ran to its end */
  assert_int_equal(c.timers_after, 1); /* only the other sleeper's */
  assert_int_equal(c.other_results[0], 0);
  assert_int_equal(c.other_status, 0);
  test_end_clean();
}

/* Cancelling a task waiting in an embedded asyncc_future_wait takes its
 * node off the future (which can then be closed), while another waiter of
 * the same future still gets its status. */
static void cancel_future_wait(int kind, int waiting_state) {
  cancel_ctx_t c;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_future_init(&c.fut), 0);
  c.victim_ops[0].kind = kind;
  c.victim_ops[0].fut = &c.fut;
  c.victim_results[0] = 9;
  c.other_ops[0].kind = OP_SLEEP; /* keeps the loop busy, then ends */
  c.other_ops[0].ms = 10;
  c.other_results[0] = 9;
  run_cancel_case(&c);
  assert_int_equal(c.victim_state_at_cancel, waiting_state);
  assert_int_equal(c.victim_results[0], UV_ECANCELED);
  assert_int_equal(c.victim_status, UV_ECANCELED);
  assert_true(c.waiters_empty_after);
  assert_int_equal(asyncc_future_close(&c.fut), 0);
  assert_int_equal(c.other_results[0], 0);
  test_end_clean();
}

static void test_embed_cancel_future_wait(void** state) {
  (void)state;
  cancel_future_wait(OP_WAIT, 1); /* the leaf's state */
}

/* The same for a parked task: asyncc_task_cancel takes the task's own node
 * off the future. */
static void test_embed_park_cancel(void** state) {
  (void)state;
  cancel_future_wait(OP_WAIT_PARK, 7); /* the awaiting frame's */
}

/* An embedded yield in a task cancelled before it starts reports
 * UV_ECANCELED, on the next turn; so does a sleep. */
static void test_embed_start_cancelled(void** state) {
  op_t ops[3];
  int results[3] = {9, 9, 9};
  int value = 0;
  int status = 9;
  asyncc_task_t* t;
  uint64_t t0 = uv_hrtime();
  (void)state;

  ops[0].kind = OP_YIELD;
  ops[1].kind = OP_SLEEP;
  ops[1].ms = 100000;
  ops[2].kind = OP_YIELD;
  t = asyncc__spawn(embedder_start(ops, 3, results), embedder_take_into);
  assert_int_equal(asyncc_task_cancel(t), 0);
  join_all_take(asyncc__run(join_all_start(&t, 1, &value, &status)));
  assert_int_equal(status, UV_ECANCELED);
  assert_int_equal(value, 3);
  assert_int_equal(results[0], UV_ECANCELED);
  assert_int_equal(results[1], UV_ECANCELED);
  assert_int_equal(results[2], UV_ECANCELED);
  assert_true((uv_hrtime() - t0) / 1000000 < 2000);
  test_end_clean();
}

/* A yield whose task is cancelled while it is queued still happened
 * (0); the task's next embedded await reports UV_ECANCELED. */
typedef struct {
  op_t ops[2];
  int results[2];
  asyncc_task_t* t;
  int value;
  int status;
} queued_ctx_t;

static asyncc_frame_t* queued_script(void* ctx, int step, int last,
                                     script_take_fn* take) {
  queued_ctx_t* c = ctx;
  switch (step) {
    case 0:
      c->t = asyncc__spawn(embedder_start(c->ops, 2, c->results),
                           embedder_take_into);
      return SCRIPT_YIELD(); /* it runs first, into its first yield */
    case 1:
      assert_true(c->t->future.flags & ASYNCC__TASK_QUEUED);
      assert_int_equal(asyncc_task_cancel(c->t), 0);
      return SCRIPT_JOIN(c->t, &c->value);
    default:
      c->status = last;
      return NULL;
  }
}

static void cancel_queued_yield(int kind) {
  queued_ctx_t c;
  memset(&c, 0, sizeof c);
  c.ops[0].kind = kind;
  c.ops[1].kind = kind;
  c.results[0] = c.results[1] = 9;
  script_take(asyncc__run(script_start(queued_script, &c)));
  assert_int_equal(c.status, UV_ECANCELED);
  assert_int_equal(c.value, 2);
  assert_int_equal(c.results[0], 0);
  assert_int_equal(c.results[1], UV_ECANCELED);
  test_end_clean();
}

static void test_embed_cancel_queued_yield(void** state) {
  (void)state;
  cancel_queued_yield(OP_YIELD);
}

static void test_embed_cancel_queued_yield_suspend(void** state) {
  (void)state;
  cancel_queued_yield(OP_YIELD_SUSPEND);
}

/* ASYNCC__AWAIT_SUSPEND: yields of two tasks alternate turn by turn, each
 * resumes its awaiting frame with 0, and the yield's frame is never
 * written but for its result (its header keeps the scribble). */
typedef struct {
  op_t ops[3];
  int results[2][3];
  asyncc_task_t* t[2];
  int status[2];
  int value[2];
} suspend_ctx_t;

static asyncc_frame_t* suspend_script(void* ctx, int step, int last,
                                      script_take_fn* take) {
  suspend_ctx_t* c = ctx;
  switch (step) {
    case 0:
      c->t[0] = asyncc__spawn(embedder_start(c->ops, 3, c->results[0]),
                              embedder_take_into);
      c->t[1] = asyncc__spawn(embedder_start(c->ops, 3, c->results[1]),
                              embedder_take_into);
      return SCRIPT_YIELD();
    case 1:
      /* both ran into their first yield and are queued again */
      assert_true(c->t[0]->future.flags & ASYNCC__TASK_QUEUED);
      assert_true(c->t[1]->future.flags & ASYNCC__TASK_QUEUED);
      assert_ptr_equal(c->t[0]->frame->resume, embedder_resume);
      assert_int_equal(((struct embedder_frame*)c->t[0]->frame)
                           ->asyncc__u.asyncc_yield.hdr.state,
                       0x5A5A5A5A);
      return SCRIPT_JOIN(c->t[0], &c->value[0]);
    case 2:
      c->status[0] = last;
      return SCRIPT_JOIN(c->t[1], &c->value[1]);
    default:
      c->status[1] = last;
      return NULL;
  }
}

static void test_embed_yield_suspend(void** state) {
  suspend_ctx_t c;
  int i, k;
  (void)state;
  memset(&c, 0, sizeof c);
  for (i = 0; i < 3; i++) c.ops[i].kind = OP_YIELD_SUSPEND;
  memset(c.results, 9, sizeof c.results);
  script_take(asyncc__run(script_start(suspend_script, &c)));
  for (k = 0; k < 2; k++) {
    assert_int_equal(c.status[k], 0);
    assert_int_equal(c.value[k], 3);
    for (i = 0; i < 3; i++) assert_int_equal(c.results[k][i], 0);
  }
  test_end_clean();
}

/* ---- channels ----------------------------------------------------------- */

/* A rendezvous channel between two embedders: every element arrives, in
 * order, then the shutdown ends the receiver with UV_EOF; a receive
 * blocked in a cancelled task leaves the channel (it can be closed). */
typedef struct {
  asyncc_chan_t ch;
  asyncc_chan_t idle; /* nobody ever sends on it */
  int out[3];
  int in[4];
  op_t send_ops[3];
  op_t recv_ops[4];
  op_t stuck_ops[1];
  int send_results[3];
  int recv_results[4];
  int stuck_results[1];
  int stuck_elem;
  asyncc_task_t* t[3];
  int status[3];
  int close_idle_busy;
} chan_ctx_t;

static asyncc_frame_t* chan_script(void* ctx, int step, int last,
                                   script_take_fn* take) {
  chan_ctx_t* c = ctx;
  switch (step) {
    case 0:
      c->t[0] = asyncc__spawn(embedder_start(c->send_ops, 3, c->send_results),
                              embedder_take_into);
      c->t[1] = asyncc__spawn(embedder_start(c->recv_ops, 4, c->recv_results),
                              embedder_take_into);
      c->t[2] = asyncc__spawn(embedder_start(c->stuck_ops, 1, c->stuck_results),
                              embedder_take_into);
      return SCRIPT_JOIN(c->t[0], NULL);
    case 1:
      c->status[0] = last;
      assert_int_equal(asyncc_chan_shutdown(&c->ch), 0);
      return SCRIPT_JOIN(c->t[1], NULL);
    case 2:
      c->status[1] = last;
      c->close_idle_busy = asyncc_chan_close(&c->idle) == UV_EBUSY;
      assert_int_equal(asyncc_task_cancel(c->t[2]), 0);
      return SCRIPT_JOIN(c->t[2], NULL);
    default:
      c->status[2] = last;
      return NULL;
  }
}

static void test_embed_chan(void** state) {
  static chan_ctx_t c;
  int i;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_chan_init(&c.ch, sizeof(int), 0), 0);
  assert_int_equal(asyncc_chan_init(&c.idle, sizeof(int), 0), 0);
  for (i = 0; i < 3; i++) {
    c.out[i] = 10 + i;
    c.send_ops[i].kind = OP_SEND;
    c.send_ops[i].ch = &c.ch;
    c.send_ops[i].elem = &c.out[i];
    c.send_results[i] = 9;
  }
  for (i = 0; i < 4; i++) {
    c.in[i] = -1;
    c.recv_ops[i].kind = OP_RECV;
    c.recv_ops[i].ch = &c.ch;
    c.recv_ops[i].elem = &c.in[i];
    c.recv_results[i] = 9;
  }
  c.stuck_ops[0].kind = OP_RECV;
  c.stuck_ops[0].ch = &c.idle;
  c.stuck_ops[0].elem = &c.stuck_elem;
  c.stuck_results[0] = 9;
  script_take(asyncc__run(script_start(chan_script, &c)));
  for (i = 0; i < 3; i++) {
    assert_int_equal(c.send_results[i], 0);
    assert_int_equal(c.recv_results[i], 0);
    assert_int_equal(c.in[i], 10 + i);
  }
  assert_int_equal(c.recv_results[3], UV_EOF);
  assert_int_equal(c.status[0], 0);
  assert_int_equal(c.status[1], 0);
  assert_true(c.close_idle_busy); /* the stuck receiver was blocked */
  assert_int_equal(c.stuck_results[0], UV_ECANCELED);
  assert_int_equal(c.status[2], UV_ECANCELED);
  assert_int_equal(asyncc_chan_close(&c.idle), 0); /* nobody left on it */
  assert_int_equal(asyncc_chan_close(&c.ch), 0);
  test_end_clean();
}

/* ---- parked waits (ASYNCC__AWAIT_PARK) ---------------------------------- */

/* A parked wait in a task cancelled before it starts reports UV_ECANCELED
 * on the next turn, without waiting for the (never resolved) future. */
static void test_embed_park_start_cancelled(void** state) {
  asyncc_future_t fut;
  op_t ops[2];
  int results[2] = {9, 9};
  int value = 0;
  int status = 9;
  asyncc_task_t* t;
  (void)state;

  assert_int_equal(asyncc_future_init(&fut), 0);
  ops[0].kind = ops[1].kind = OP_WAIT_PARK;
  ops[0].fut = ops[1].fut = &fut;
  t = asyncc__spawn(embedder_start(ops, 2, results), embedder_take_into);
  assert_int_equal(asyncc_task_cancel(t), 0);
  join_all_take(asyncc__run(join_all_start(&t, 1, &value, &status)));
  assert_int_equal(status, UV_ECANCELED);
  assert_int_equal(value, 2);
  assert_int_equal(results[0], UV_ECANCELED);
  assert_int_equal(results[1], UV_ECANCELED);
  assert_int_equal(asyncc_future_close(&fut), 0);
  test_end_clean();
}

/* Completing a future with two waiting tasks and, registered between
 * them, a done callback that cancels the second and then closes and
 * scribbles over the future: both tasks still get the future's status
 * (they were woken by the completion, before the callback ran: nothing
 * completed is lost), and neither looks at the future again. */
typedef struct {
  asyncc_future_t fut;
  asyncc_future_done_t req;
  op_t ops[1];
  int results[2][1];
  asyncc_task_t* t[2];
  int value[2];
  int status[2];
  int cb_ran;
} park_ctx_t;

static void cancel_then_free(asyncc_future_done_t* req, asyncc_future_t* fut) {
  park_ctx_t* c = req->data;
  c->cb_ran = 1;
  assert_int_equal(asyncc_task_cancel(c->t[1]), 0);
  assert_int_equal(asyncc_future_close(fut), 0);
  memset(fut, 0xA5, sizeof *fut);
}

static asyncc_frame_t* park_script(void* ctx, int step, int last,
                                   script_take_fn* take) {
  park_ctx_t* c = ctx;
  switch (step) {
    case 0:
    case 1:
      if (step == 1) {
        c->req.data = c;
        assert_int_equal(
            asyncc_future_add_done_cb(&c->fut, &c->req, cancel_then_free), 0);
      }
      c->t[step] = asyncc__spawn(embedder_start(c->ops, 1, c->results[step]),
                                 embedder_take_into);
      return SCRIPT_YIELD(); /* it runs, and parks */
    case 2:
      if (c->ops[0].kind == OP_WAIT_PARK) {
        assert_true(c->t[0]->future.flags & ASYNCC__TASK_PARKED);
        assert_true(c->t[1]->future.flags & ASYNCC__TASK_PARKED);
      }
      assert_int_equal(asyncc_future_reject(&c->fut, UV_EPIPE), 0);
      assert_true(c->cb_ran);
      return SCRIPT_JOIN(c->t[0], &c->value[0]);
    case 3:
      c->status[0] = last;
      return SCRIPT_JOIN(c->t[1], &c->value[1]);
    default:
      c->status[1] = last;
      return NULL;
  }
}

static void completion_cancels_and_frees(int kind) {
  park_ctx_t c;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_future_init(&c.fut), 0);
  c.ops[0].kind = kind;
  c.ops[0].fut = &c.fut;
  c.results[0][0] = c.results[1][0] = 9;
  script_take(asyncc__run(script_start(park_script, &c)));
  assert_int_equal(c.results[0][0], UV_EPIPE);
  assert_int_equal(c.results[1][0], UV_EPIPE);
  assert_int_equal(c.status[0], 0);
  assert_int_equal(c.status[1], UV_ECANCELED); /* the flag stayed */
  assert_int_equal(c.value[0], 1);
  assert_int_equal(c.value[1], 1);
  test_end_clean();
}

static void test_embed_park_completion_cancels_and_frees(void** state) {
  (void)state;
  completion_cancels_and_frees(OP_WAIT_PARK);
}

/* The leaf's wake-up took the status from the future after an earlier
 * callback could have freed it. */
static void test_embed_wait_completion_cancels_and_frees(void** state) {
  (void)state;
  completion_cancels_and_frees(OP_WAIT);
}

/* A task cancelled while it waits, its future completed before it runs
 * again: the cancellation came first, so the wait returns UV_ECANCELED, in
 * either form (the leaf's wake-up took the status over the queued
 * cancellation). */
typedef struct {
  asyncc_future_t fut;
  op_t ops[2];
  int results[2];
  asyncc_task_t* t;
  int value;
  int status;
} cancel_first_ctx_t;

static asyncc_frame_t* cancel_first_script(void* ctx, int step, int last,
                                           script_take_fn* take) {
  cancel_first_ctx_t* c = ctx;
  switch (step) {
    case 0:
      c->t = asyncc__spawn(embedder_start(c->ops, 2, c->results),
                           embedder_take_into);
      return SCRIPT_YIELD(); /* it runs, and waits */
    case 1:
      assert_int_equal(asyncc_task_cancel(c->t), 0);
      assert_int_equal(asyncc_future_reject(&c->fut, UV_EPIPE), 0);
      return SCRIPT_JOIN(c->t, &c->value);
    default:
      c->status = last;
      return NULL;
  }
}

static void cancel_then_complete(int kind) {
  cancel_first_ctx_t c;
  memset(&c, 0, sizeof c);
  assert_int_equal(asyncc_future_init(&c.fut), 0);
  c.ops[0].kind = kind;
  c.ops[0].fut = &c.fut;
  c.ops[1].kind = OP_YIELD;
  c.results[0] = c.results[1] = 9;
  script_take(asyncc__run(script_start(cancel_first_script, &c)));
  assert_int_equal(c.results[0], UV_ECANCELED);
  assert_int_equal(c.results[1], UV_ECANCELED);
  assert_int_equal(c.status, UV_ECANCELED);
  assert_int_equal(c.value, 2);
  assert_int_equal(asyncc_future_close(&c.fut), 0);
  test_end_clean();
}

static void test_embed_park_cancel_then_complete(void** state) {
  (void)state;
  cancel_then_complete(OP_WAIT_PARK);
}

static void test_embed_wait_cancel_then_complete(void** state) {
  (void)state;
  cancel_then_complete(OP_WAIT);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_embed_layout),
      cmocka_unit_test(test_embed_no_allocation_per_await),
      cmocka_unit_test(test_embed_wait_done_and_invalid),
      cmocka_unit_test(test_embed_cancel_sleep),
      cmocka_unit_test(test_embed_cancel_future_wait),
      cmocka_unit_test(test_embed_start_cancelled),
      cmocka_unit_test(test_embed_cancel_queued_yield),
      cmocka_unit_test(test_embed_cancel_queued_yield_suspend),
      cmocka_unit_test(test_embed_yield_suspend),
      cmocka_unit_test(test_embed_chan),
      cmocka_unit_test(test_embed_park_no_allocation),
      cmocka_unit_test(test_embed_park_done_and_invalid),
      cmocka_unit_test(test_embed_park_cancel),
      cmocka_unit_test(test_embed_park_start_cancelled),
      cmocka_unit_test(test_embed_park_cancel_then_complete),
      cmocka_unit_test(test_embed_wait_cancel_then_complete),
      cmocka_unit_test(test_embed_park_completion_cancels_and_frees),
      cmocka_unit_test(test_embed_wait_completion_cancels_and_frees),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
