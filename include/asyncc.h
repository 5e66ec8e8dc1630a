/* asyncc.h - asynchronous C on libuv: the one header users include.
 *
 * Copyright (c) 2026 the asyncc authors. MIT licensed (see LICENSE).
 *
 * Layout follows uv.h: language keywords, then the ABI that generated code
 * uses, then the runtime API one noun at a time. Functions return 0 or a
 * negative libuv error code (UV_E*), so libuv errors pass through unchanged.
 * Misuse (NULL where an object is required, an object in the wrong state)
 * returns UV_EINVAL. A function that takes a callback never calls it when it
 * returns an error.
 *
 * Every runtime object belongs to one thread: the thread whose runner
 * (event loop) it was used with.
 */
#ifndef ASYNCC_H
#define ASYNCC_H

/* Strict C89/C90 lacks inline (GNU C89, -std=gnu89, has it). */
#if !defined(__cplusplus) && defined(__STRICT_ANSI__) && \
    (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 199901L)
#error "asyncc needs C99 or later (-std=c99, -std=c11, or GNU C89: -std=gnu89)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "asyncc/frame.h"
#include "asyncc/lang.h"

#if defined(__GNUC__) && __GNUC__ >= 4
#define ASYNCC_EXTERN __attribute__((visibility("default")))
#else
#define ASYNCC_EXTERN
#endif

/* ====================================================================
 * Forward typedefs and private building blocks.
 * ==================================================================== */

typedef struct asyncc_runner_s asyncc_runner_t;
typedef struct asyncc_future_s asyncc_future_t;
typedef struct asyncc_future_done_s asyncc_future_done_t;
typedef struct asyncc_chan_s asyncc_chan_t;
typedef struct asyncc_stream_s asyncc_stream_t;

/* Private: a node of a singly linked list of things to run (a future's
 * waiters, run with the future's status; a channel's blocked tasks). */
typedef struct asyncc__node_s asyncc__node_t;
struct asyncc__node_s {
  asyncc__node_t* next;
  void (*run)(asyncc__node_t* node, int status);
};

/* Private: an intrusive doubly linked list node (runtime/queue.h). */
struct asyncc__queue_s {
  struct asyncc__queue_s* next;
  struct asyncc__queue_s* prev;
};

/* Private: an intrusive binary heap (runtime/heap.h). */
struct asyncc__heap_s {
  struct asyncc__heap_node_s* min;
  unsigned int nelts;
};

/* ====================================================================
 * Allocator.
 * ==================================================================== */

typedef void* (*asyncc_malloc_func)(size_t size);
typedef void* (*asyncc_realloc_func)(void* ptr, size_t size);
typedef void* (*asyncc_calloc_func)(size_t count, size_t size);
typedef void (*asyncc_free_func)(void* ptr);

/* Replaces the functions the runtime allocates with (frames, tasks, and
 * buffers). Call it before any other asyncc function, as with
 * uv_replace_allocator; memory the runtime already holds in its free lists
 * on the calling thread is released first. Returns UV_EINVAL if any
 * function is NULL. */
ASYNCC_EXTERN int asyncc_replace_allocator(asyncc_malloc_func malloc_func,
                                           asyncc_realloc_func realloc_func,
                                           asyncc_calloc_func calloc_func,
                                           asyncc_free_func free_func);

/* ====================================================================
 * Runner: drives async code on a libuv loop, one per thread.
 *
 * asyncc_run() uses the calling thread's runner. A thread without one gets
 * an implicit runner on uv_default_loop(), created on first use and closed
 * again when asyncc_run() returns (only one thread at a time may use the
 * default loop). To run async code on another loop, or on several threads,
 * give each thread its own:
 *
 *   uv_loop_t loop;
 *   asyncc_runner_t runner;
 *   uv_loop_init(&loop);
 *   asyncc_runner_init(&runner, &loop);
 *   int rc = asyncc_run(amain());
 *   asyncc_runner_close(&runner);
 *   uv_loop_close(&loop);
 * ==================================================================== */

struct asyncc_runner_s {
  void* data;
  /* read-only */
  uv_loop_t* loop;
  /* private */
  asyncc_task_t* ready_head;    /* FIFO of tasks to run on the next turn */
  asyncc_task_t** ready_tail;   /* the last task's link, or &ready_head */
  void* task_chunks;            /* the pool every task comes from */
  asyncc_task_t* task_free;     /* free slots of the pool */
  size_t task_count;            /* tasks not yet freed */
  size_t task_running;          /* of those, tasks not yet done */
  struct asyncc__heap_s timers; /* pending sleeps and timeouts, by due time */
  uint64_t timer_seq;           /* start order, to break ties in 'timers' */
  asyncc_task_t* current;       /* the task whose frames are running */
  uv_idle_t idle;               /* active while the ready queue is not empty */
  uv_timer_t timer;             /* armed for the earliest of 'timers' */
  unsigned int flags;
  int closing;         /* handles closing in asyncc_runner_close */
  uintptr_t stack_end; /* a deeper start of a callee is deferred */
};

/* Initializes 'runner' on 'loop' and makes it the calling thread's runner.
 * Returns UV_EINVAL for NULL arguments, UV_EBUSY if the thread already has
 * a runner. */
ASYNCC_EXTERN int asyncc_runner_init(asyncc_runner_t* runner, uv_loop_t* loop);

/* Closes the runner's handles, running 'loop' (UV_RUN_NOWAIT) until their
 * close callbacks have run, and detaches the runner from the thread. Do not
 * call it from a callback of the same loop. Returns UV_EINVAL for NULL or a
 * runner of another thread, UV_EBUSY while it is running or still has
 * tasks (tasks end when the asyncc_run that drove them returns). */
ASYNCC_EXTERN int asyncc_runner_close(asyncc_runner_t* runner);

/* The calling thread's runner, or NULL if it has none right now. */
ASYNCC_EXTERN asyncc_runner_t* asyncc_runner_current(void);

ASYNCC_EXTERN uv_loop_t* asyncc_runner_get_loop(const asyncc_runner_t* runner);

/* The loop async code on this thread runs on: the loop of the thread's
 * runner, or uv_default_loop() if it has none. Use it to initialize libuv
 * handles from async code: uv_tcp_init(asyncc_loop(), &tcp). */
ASYNCC_EXTERN uv_loop_t* asyncc_loop(void);

/* ====================================================================
 * Future: the bridge between callback code and async code.
 *
 * A future starts pending and is completed once, by asyncc_future_resolve
 * (status 0 and a result pointer the caller owns) or asyncc_future_reject
 * (a negative status). Async code awaits it; plain code registers done
 * callbacks. The caller owns the memory: asyncc_future_init, then
 * asyncc_future_close when no one waits on it any more.
 *
 *   static void on_closed(uv_handle_t* h) { free(h); }
 *   static void on_timer(uv_timer_t* t) {
 *     asyncc_future_resolve(t->data, NULL);
 *     uv_close((uv_handle_t*)t, on_closed);
 *   }
 *   static async int wait_timer(uint64_t ms) {
 *     asyncc_future_t f;
 *     asyncc_future_init(&f);
 *     uv_timer_t* timer = malloc(sizeof *timer);
 *     uv_timer_init(asyncc_loop(), timer);
 *     timer->data = &f;
 *     uv_timer_start(timer, on_timer, ms, 0);
 *     int rc = await(asyncc_future_wait(&f));
 *     if (rc == UV_ECANCELED)  // not fired: it must not fire now
 *       uv_close((uv_handle_t*)timer, on_closed);
 *     asyncc_future_close(&f);
 *     return rc;
 *   }
 * ==================================================================== */

typedef void (*asyncc_future_done_cb)(asyncc_future_done_t* req,
                                      asyncc_future_t* future);

struct asyncc_future_s {
  void* data;
  /* read-only */
  void* result; /* set by asyncc_future_resolve */
  int status;   /* 0 or a negative error once done; UV_EAGAIN while pending */
  /* private */
  unsigned int flags;      /* magic number (debug checks) and state bits */
  asyncc__node_t* waiters; /* last node of a circular list, in order */
};

/* A done-callback registration: caller-owned, like a uv_req_t. */
struct asyncc_future_done_s {
  void* data;
  /* read-only */
  asyncc_future_t* future;
  /* private */
  asyncc__node_t node;
  asyncc_future_done_cb cb;
};

/* Returns UV_EINVAL if 'future' is NULL. */
ASYNCC_EXTERN int asyncc_future_init(asyncc_future_t* future);

/* Completes 'future' with status 0 and 'result'. Done callbacks run before
 * this returns, in registration order; waiting tasks resume on a later
 * loop turn. Returns UV_EINVAL if the future is not initialized or is
 * already done (a future completes exactly once). */
ASYNCC_EXTERN int asyncc_future_resolve(asyncc_future_t* future, void* result);

/* Completes 'future' with 'status', which must be negative (UV_EINVAL
 * otherwise); otherwise like asyncc_future_resolve. */
ASYNCC_EXTERN int asyncc_future_reject(asyncc_future_t* future, int status);

/* 1 if done, 0 if pending (or not a valid future). */
ASYNCC_EXTERN int asyncc_future_is_done(const asyncc_future_t* future);

/* The status once done, UV_EAGAIN while pending, UV_EINVAL if invalid. */
ASYNCC_EXTERN int asyncc_future_get_status(const asyncc_future_t* future);

/* The result passed to asyncc_future_resolve; NULL otherwise. */
ASYNCC_EXTERN void* asyncc_future_get_result(const asyncc_future_t* future);

/* Calls 'cb' once 'future' is done. Returns UV_EALREADY, without
 * registering, if it is already done (so the caller can act at once);
 * UV_EINVAL for NULL arguments, an invalid future or a 'req' that is
 * already registered. 'req' may be freed from its own callback. */
ASYNCC_EXTERN int asyncc_future_add_done_cb(asyncc_future_t* future,
                                            asyncc_future_done_t* req,
                                            asyncc_future_done_cb cb);

/* Unregisters 'req'. Returns UV_ENOENT if it is not registered (its
 * callback has run, or it never was). */
ASYNCC_EXTERN int asyncc_future_remove_done_cb(asyncc_future_done_t* req);

/* Ends the future's life; it may be initialized again. Returns UV_EBUSY if
 * tasks or callbacks still wait on it, UV_EINVAL if it is not initialized
 * (closing twice is caught). */
ASYNCC_EXTERN int asyncc_future_close(asyncc_future_t* future);

/* ====================================================================
 * Task: an async call running concurrently, with its own future.
 *
 * asyncc_spawn(f(args)) starts f on the calling thread's runner (it runs
 * from the next loop turn) and returns its task. Whoever holds the task
 * must either join it (await its end and get its result) or detach it
 * (free it when it ends); a joined or detached task handle is gone.
 *
 *   asyncc_task_t* t = asyncc_spawn(fetch(id));
 *   ...
 *   int value;
 *   int rc = await(asyncc_task_join(t, &value));  // 0 or UV_ECANCELED
 *
 * Cancellation is cooperative: asyncc_task_cancel(t) makes the await that t
 * is suspended in, and every later await of a runtime function in t, return
 * UV_ECANCELED, so t unwinds through its normal error paths. A task
 * cancelled before it started still runs (and sees UV_ECANCELED at its
 * first await), so it can release what it was given.
 *
 * When the asyncc_run call that drives a runner returns, tasks still
 * running are cancelled and run until they end; tasks nobody joined are
 * freed (their results are dropped).
 * ==================================================================== */

/* Requests cancellation of 'task'. Returns 0 (also if the task is already
 * done or cancelled) or UV_EINVAL for NULL. */
ASYNCC_EXTERN int asyncc_task_cancel(asyncc_task_t* task);

/* Frees 'task' when it ends (now, if it has ended); its result is dropped.
 * Returns UV_EINVAL for NULL or a task already joined or detached. */
ASYNCC_EXTERN int asyncc_task_detach(asyncc_task_t* task);

/* 1 once the task has ended, 0 before. */
ASYNCC_EXTERN int asyncc_task_is_done(const asyncc_task_t* task);

/* 1 once cancellation was requested, 0 otherwise. */
ASYNCC_EXTERN int asyncc_task_is_cancelled(const asyncc_task_t* task);

/* The future that completes when the task ends: status 0, or UV_ECANCELED
 * if the task was cancelled (its result pointer is the runtime's). Valid as
 * long as the task handle is. Register done callbacks on it; do not
 * resolve it. asyncc_future_close refuses it (UV_EINVAL): the task's end
 * (a join, a detach, asyncc_run's end) frees it. */
ASYNCC_EXTERN asyncc_future_t* asyncc_task_get_future(asyncc_task_t* task);

/* The task whose code is running on this thread, or NULL. */
ASYNCC_EXTERN asyncc_task_t* asyncc_task_current(void);

/* ABI of asyncc_spawn(f(args)), which asyncc rewrites to
 *   asyncc__spawn(asyncc__f_start(args), asyncc__f_take_into)
 * where asyncc__f_take_into(frame, out) stores f's result in *out (if out
 * is not NULL and f returns a value) and frees the frame. */
typedef void (*asyncc_take_into_cb)(asyncc_frame_t* frame, void* out);
ASYNCC_EXTERN asyncc_task_t* asyncc__spawn(asyncc_frame_t* root,
                                           asyncc_take_into_cb take_into);

/* ====================================================================
 * Channel: a bounded FIFO between tasks, for producer/consumer pipelines.
 *
 * Elements have a fixed size and are copied in and out. A channel of
 * capacity 0 hands each element from sender to receiver directly.
 * Callback code can feed or drain one with the non-blocking try_ calls.
 *
 *   asyncc_chan_t ch;
 *   asyncc_chan_init(&ch, sizeof(int), 16);
 *   // producer                         // consumer
 *   for (int i = 0; i < n; i++)         int v;
 *     await(asyncc_chan_send(&ch, &i)); while (await(asyncc_chan_recv(&ch,
 *   asyncc_chan_shutdown(&ch);                                  &v)) == 0)
 *                                         use(v);   // then UV_EOF
 *   asyncc_chan_close(&ch);   // once nobody uses it
 * ==================================================================== */

struct asyncc_chan_s {
  void* data;
  /* read-only */
  size_t elem_size;
  size_t capacity;
  size_t count; /* elements buffered now */
  /* private */
  char* buf; /* capacity * elem_size bytes, a ring from 'head' */
  size_t head;
  asyncc__node_t* senders;   /* blocked senders, in order */
  asyncc__node_t* receivers; /* blocked receivers, in order */
  unsigned int flags;
};

/* Returns UV_EINVAL if 'ch' is NULL or elem_size is 0 (or too big),
 * UV_ENOMEM. */
ASYNCC_EXTERN int asyncc_chan_init(asyncc_chan_t* ch, size_t elem_size,
                                   size_t capacity);

/* Ends sending: blocked and later sends fail with UV_EPIPE; receives get
 * what is buffered, then UV_EOF. Returns UV_EINVAL for an invalid channel;
 * shutting down twice is harmless. */
ASYNCC_EXTERN int asyncc_chan_shutdown(asyncc_chan_t* ch);

/* Frees the buffer (buffered elements are dropped). Returns UV_EBUSY while
 * tasks are blocked on it, UV_EINVAL if it is not initialized. */
ASYNCC_EXTERN int asyncc_chan_close(asyncc_chan_t* ch);

/* Sends without waiting: 0, UV_EAGAIN if it would block, UV_EPIPE after
 * shutdown, UV_EINVAL. */
ASYNCC_EXTERN int asyncc_chan_try_send(asyncc_chan_t* ch, const void* elem);

/* Receives without waiting: 0, UV_EAGAIN if it would block, UV_EOF once
 * shut down and drained, UV_EINVAL. */
ASYNCC_EXTERN int asyncc_chan_try_recv(asyncc_chan_t* ch, void* elem_out);

/* ====================================================================
 * Stream: a TCP connection or listener, or a pipe, with awaitable
 * operations (see the async functions below).
 *
 *   asyncc_stream_t server, client;
 *   struct sockaddr_in addr;
 *   uv_ip4_addr("127.0.0.1", 7000, &addr);
 *   asyncc_tcp_init(&server);
 *   asyncc_tcp_bind(&server, (const struct sockaddr*)&addr, 0);
 *   asyncc_stream_listen(&server, 128);
 *   asyncc_tcp_init(&client);
 *   if (await(asyncc_stream_accept(&server, &client)) == 0) ...
 *   await(asyncc_stream_close(&client));
 *
 * The caller owns the memory; it may be freed or reused once
 * asyncc_stream_close has returned. Every initialized stream must be closed
 * with asyncc_stream_close (not uv_close). 'uv' is the libuv handle, for
 * the libuv calls that neither read, write, nor close (uv_tcp_nodelay,
 * uv_tcp_getsockname, ...); its 'data' field is the caller's.
 * ==================================================================== */

struct asyncc_stream_s {
  void* data;
  /* read-only */
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_tcp_t tcp;
    uv_pipe_t pipe;
  } uv;
  /* private */
  asyncc_frame_t* reader;    /* the read waiting for data */
  asyncc__node_t* acceptors; /* accepts waiting for a connection */
  asyncc_frame_t* accepting; /* the accept waiting to fill this stream */
  asyncc__node_t* closers;   /* closes waiting for the close callback */
  unsigned int pending;      /* connections not yet accepted */
  int listen_error;          /* an error of the listener, for the next accept */
  unsigned int flags;
};

/* Initializes a TCP or pipe stream on asyncc_loop(). Return libuv's
 * result (UV_EINVAL for NULL). */
ASYNCC_EXTERN int asyncc_tcp_init(asyncc_stream_t* stream);
ASYNCC_EXTERN int asyncc_pipe_init(asyncc_stream_t* stream, int ipc);

/* uv_tcp_bind / uv_pipe_bind; UV_EINVAL for the wrong kind of stream or a
 * closed one. */
ASYNCC_EXTERN int asyncc_tcp_bind(asyncc_stream_t* stream,
                                  const struct sockaddr* addr,
                                  unsigned int flags);
ASYNCC_EXTERN int asyncc_pipe_bind(asyncc_stream_t* stream, const char* name);

/* Starts listening; connections are taken with asyncc_stream_accept.
 * UV_EINVAL if already listening or closed. */
ASYNCC_EXTERN int asyncc_stream_listen(asyncc_stream_t* stream, int backlog);

/* An entry read by asyncc_fs_readdir; the name is copied (NUL-terminated,
 * cut at 255 bytes, the longest name Linux allows). */
typedef struct {
  uv_dirent_type_t type;
  char name[256];
} asyncc_dirent_t;

/* A function asyncc_queue_work runs on a thread of libuv's pool. */
typedef void (*asyncc_work_fn)(void* arg);

/* ====================================================================
 * Runtime async functions. Await them from async functions:
 *   int rc = await(asyncc_sleep(10));
 * Each returns 0 or a negative libuv error code; in a cancelled task,
 * UV_ECANCELED.
 * ==================================================================== */

/* Suspends the caller until a later turn of the event loop; returns 0. */
async int asyncc_yield(void);

/* Suspends the caller for 'ms' milliseconds; returns 0 or a negative libuv
 * error code. */
async int asyncc_sleep(uint64_t ms);

/* Suspends the caller until the signal 'signum' (SIGINT, SIGTERM, ...) is
 * delivered to the process; returns 0, or the uv_signal_start error
 * (UV_EINVAL for a bad number). The signal is caught only while the wait is
 * pending (one-shot, on a uv_signal_t in the frame that keeps the loop
 * alive); when cancelled the handle is closed and it returns UV_ECANCELED. */
async int asyncc_signal_wait(int signum);

/* Suspends the caller until 'future' is done; returns its status (0 or
 * negative), UV_EINVAL if it is not a valid future. Returns at once,
 * without suspending, if the future is already done. */
async int asyncc_future_wait(asyncc_future_t* future);

/* Waits for 'task' to end, stores its result in *result_out (unless
 * 'result_out' is NULL; it must point to an object of the async function's
 * return type) and frees the task. Returns 0, UV_ECANCELED if the task was
 * cancelled (the result is still stored: it is what the task returned while
 * unwinding), UV_EINVAL for NULL or a task already joined or detached. If
 * the joining task is cancelled, the joined task is cancelled too and still
 * waited for, so no result is lost. */
async int asyncc_task_join(asyncc_task_t* task, void* result_out);

/* Waits until every one of the 'n' tasks has ended. Returns 0 if they all
 * ended with status 0, else the first non-zero status in array order;
 * UV_EINVAL if 'tasks' is NULL (with n > 0) or a task is NULL, joined,
 * detached or the caller's own. The tasks are not joined: join each one
 * afterwards for its result (it returns at once). If the gathering task is
 * cancelled, every task is cancelled and still waited for. */
async int asyncc_gather(asyncc_task_t* const* tasks, size_t n);

/* Waits until the first of the 'n' tasks ends and returns its index (the
 * lowest index if several have already ended). The others keep running:
 * cancel or join them. UV_EINVAL as for asyncc_gather or if n is 0,
 * UV_ENOMEM; if the racing task is cancelled, all tasks are cancelled and
 * waited for, and it returns UV_ECANCELED. */
async int asyncc_race(asyncc_task_t* const* tasks, size_t n);

/* Waits up to 'ms' milliseconds for 'task' to end. Returns its status (0 or
 * UV_ECANCELED) if it ends in time; otherwise cancels it, waits for it to
 * end and returns UV_ETIMEDOUT. The task is not joined:
 *   asyncc_task_t* t = asyncc_spawn(fetch(url));
 *   int rc = await(asyncc_timeout(t, 1000));   // t has ended either way
 *   int len;
 *   await(asyncc_task_join(t, &len));
 * UV_EINVAL as for asyncc_gather. */
async int asyncc_timeout(asyncc_task_t* task, uint64_t ms);

/* Copies *elem into the channel, waiting while it is full. Returns 0,
 * UV_EPIPE once it is shut down, UV_EINVAL. 'elem' must stay valid until
 * the await returns. */
async int asyncc_chan_send(asyncc_chan_t* ch, const void* elem);

/* Waits for an element and copies it to *elem_out. Returns 0, UV_EOF once
 * the channel is shut down and empty, UV_EINVAL. */
async int asyncc_chan_recv(asyncc_chan_t* ch, void* elem_out);

/* ---- Streams ------------------------------------------------------------
 * All return UV_EINVAL for a stream that is not initialized or is closed.
 * A cancelled read or accept is withdrawn; a cancelled connect, write or
 * shutdown closes the stream (libuv cannot withdraw those requests). */

/* Waits for a connection on the listening 'server' and accepts it into
 * 'client', an initialized stream of the same kind. */
async int asyncc_stream_accept(asyncc_stream_t* server,
                               asyncc_stream_t* client);

async int asyncc_tcp_connect(asyncc_stream_t* stream,
                             const struct sockaddr* addr);
async int asyncc_pipe_connect(asyncc_stream_t* stream, const char* name);

/* Waits for data and stores up to 'len' bytes at 'buf'. Returns the number
 * of bytes (> 0), UV_EOF at the end of the stream, UV_EBUSY if another read
 * is pending on it, UV_ECANCELED if the stream is closed meanwhile. */
async ssize_t asyncc_stream_read(asyncc_stream_t* stream, void* buf,
                                 size_t len);

/* Writes all 'len' bytes; returns 0 or an error. Completes without
 * suspending when the kernel takes all of it at once. */
async int asyncc_stream_write(asyncc_stream_t* stream, const void* buf,
                              size_t len);

/* Shuts down the write side once pending writes are done. */
async int asyncc_stream_shutdown(asyncc_stream_t* stream);

/* Closes the stream and waits for libuv's close callback; returns 0 (also
 * when it was already closed), UV_EINVAL if it was never initialized. In a
 * cancelled task it still closes, then returns UV_ECANCELED. */
async int asyncc_stream_close(asyncc_stream_t* stream);

/* ---- DNS, the thread pool, child processes ------------------------------ */

/* uv_getaddrinfo: on success stores the list in *res, which the caller
 * frees with uv_freeaddrinfo. Returns 0, a UV_EAI_* error, UV_EINVAL if
 * 'res' is NULL. */
async int asyncc_getaddrinfo(const char* node, const char* service,
                             const struct addrinfo* hints,
                             struct addrinfo** res);

/* Runs fn(arg) on a thread of libuv's pool and waits for it to return.
 * Returns 0, UV_EINVAL if 'fn' is NULL. When cancelled: work not yet
 * started is withdrawn (fn never runs); running work is waited for. Either
 * way it returns UV_ECANCELED. */
async int asyncc_queue_work(asyncc_work_fn fn, void* arg);

/* Spawns a child process (uv_spawn with 'options'; its exit_cb is not
 * used) and waits for it to exit. Returns 0 and stores the exit status and
 * terminating signal (0 if none) where the pointers are not NULL, or the
 * uv_spawn error (UV_ENOENT, ...), UV_EINVAL if 'options' or its 'file' is
 * NULL. Cancelling kills the child (SIGKILL) and waits for it; it then
 * returns UV_ECANCELED. */
async int asyncc_process_run(const uv_process_options_t* options,
                             int64_t* exit_status, int* term_signal);

/* A running child, to signal it while a task awaits it: pass one to
 * asyncc_process_exec. Caller-owned, needs no initialization or cleanup;
 * 'pid' is set once the child is spawned and back to 0 when it has exited
 * (or was never spawned). */
typedef struct asyncc_process_s asyncc_process_t;
struct asyncc_process_s {
  void* data;
  /* read-only */
  int pid;
  /* private */
  uv_process_t* proc; /* the running child's handle, in the exec frame */
};

/* asyncc_process_run that also publishes the child in 'process' (not
 * NULL; UV_EINVAL otherwise) while it runs. */
async int asyncc_process_exec(asyncc_process_t* process,
                              const uv_process_options_t* options,
                              int64_t* exit_status, int* term_signal);

/* Sends 'signum' to the child awaited through 'process' (uv_process_kill).
 * Returns 0, UV_EINVAL for NULL, UV_ESRCH when no child is running there
 * (not yet spawned, or already exited), or the kill error. */
ASYNCC_EXTERN int asyncc_process_kill(asyncc_process_t* process, int signum);

/* ---- Files: uv_fs_* on libuv's thread pool ------------------------------
 * Each returns what the uv_fs_* call reports (a negative error on failure).
 * Buffers and out-parameters must stay valid until the await returns. In
 * a cancelled task an operation returns UV_ECANCELED and releases what it
 * produced (a file opened meanwhile is closed); asyncc_fs_close and
 * asyncc_fs_closedir always close, then report UV_ECANCELED.
 *
 *   int fd = await(asyncc_fs_open("out.txt", UV_FS_O_WRONLY | UV_FS_O_CREAT,
 *                                 0644));
 *   if (fd < 0) return fd;
 *   ssize_t n = await(asyncc_fs_write(fd, "hi\n", 3, -1));
 *   await(asyncc_fs_close(fd));                                         */

/* Returns the file descriptor (>= 0) or an error. 'flags': UV_FS_O_*. */
async int asyncc_fs_open(const char* path, int flags, int mode);
async int asyncc_fs_close(uv_file fd);
/* Returns the bytes read, 0 at end of file. 'offset' -1: the current
 * position. */
async ssize_t asyncc_fs_read(uv_file fd, void* buf, size_t len, int64_t offset);
/* Returns the bytes written. */
async ssize_t asyncc_fs_write(uv_file fd, const void* buf, size_t len,
                              int64_t offset);
async int asyncc_fs_stat(const char* path, uv_stat_t* out);
async int asyncc_fs_fstat(uv_file fd, uv_stat_t* out);
async int asyncc_fs_unlink(const char* path);
async int asyncc_fs_rename(const char* path, const char* new_path);
async int asyncc_fs_mkdir(const char* path, int mode);
async int asyncc_fs_rmdir(const char* path);
async int asyncc_fs_fsync(uv_file fd);
/* Directories: open, read entries in batches until 0, close. */
async int asyncc_fs_opendir(const char* path, uv_dir_t** dir_out);
/* Returns the number of entries stored in entries[0..n), 0 at the end
 * ("." and ".." are not listed). */
async int asyncc_fs_readdir(uv_dir_t* dir, asyncc_dirent_t* entries, size_t n);
async int asyncc_fs_closedir(uv_dir_t* dir);

/* Frames of the runtime's async functions, for generated code to embed. */
#include "asyncc/leaves.h"

#ifdef __cplusplus
}
#endif
#endif /* ASYNCC_H */
