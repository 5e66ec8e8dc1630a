/* bench/park/frames.c - measurement 3, the hand-written baseline: memory of
 * N suspended tasks, each a 64-byte frame parked on a shared future.
 *
 * The frame holds what the generated frame of park/asyncc.c holds: a resume
 * function, the awaiter link, the task pointer, state and flags (the 32-byte
 * asyncc frame header), the result, the argument, the future pointer and the
 * waiter-list node: 64 bytes, malloc'd one by one as a free-list allocator
 * would hand them out. After all N are parked, a libuv timer resolves the
 * future and every frame runs to completion and frees itself.
 *
 *   park_frames N      prints "parked N"; bench/run takes the peak RSS
 *                      with /usr/bin/time and subtracts the N=0 run
 */
#include <assert.h>
#include <uv.h>

#include "bench.h"

typedef struct frame_s frame_t;
typedef struct future_s future_t;

struct future_s {
  frame_t* waiters; /* LIFO list of parked frames */
  int value;        /* result, valid once resolved */
  int done;         /* resolved */
};

struct frame_s {
  void (*resume)(frame_t*); /* header: 32 bytes, as asyncc_frame_t */
  frame_t* parent;
  void* task;
  int state;
  int flags;
  int ret;        /* result */
  int id;         /* argument, live across the await */
  future_t* fut;  /* argument, live across the await */
  frame_t* next;  /* waiter-list node */
  void* pad;      /* waiter-list node: its owner, as a generic list has */
};

static_assert(sizeof(frame_t) == 64, "a 64-byte frame");

static long total;  /* checksum */
static long parked; /* frames currently suspended */

static void parked_resume(frame_t* f) {
  switch (f->state) {
    case 0:
      break;
    case 1:
      goto L1;
  }
  if (!f->fut->done) {
    f->next = f->fut->waiters;
    f->fut->waiters = f;
    f->state = 1;
    parked++;
    return;
  }
L1:
  total += f->fut->value + f->id;
  free(f);
}

static void resolve(uv_timer_t* timer) {
  future_t* fut = timer->data;
  frame_t* w = fut->waiters;
  fut->waiters = NULL;
  fut->value = 1;
  fut->done = 1;
  while (w != NULL) {
    frame_t* next = w->next;
    parked--;
    w->resume(w);
    w = next;
  }
}

int main(int argc, char** argv) {
  long n = bench_arg(argc, argv, 1, 1000000);
  uv_loop_t* loop = uv_default_loop();
  future_t fut = {0};
  uv_timer_t timer;
  for (long i = 0; i < n; i++) {
    frame_t* f = malloc(sizeof *f);
    if (!f) abort();
    f->resume = parked_resume;
    f->parent = NULL;
    f->task = NULL;
    f->state = 0;
    f->flags = 0;
    f->id = (int)i;
    f->fut = &fut;
    f->resume(f);
  }
  printf("parked %ld\n", parked);
  uv_timer_init(loop, &timer);
  timer.data = &fut;
  uv_timer_start(&timer, resolve, 0, 0);
  uv_run(loop, UV_RUN_DEFAULT);
  uv_close((uv_handle_t*)&timer, NULL);
  uv_run(loop, UV_RUN_DEFAULT);
  fprintf(stderr, "checksum %ld\n", total);
  return parked == 0 && uv_loop_close(loop) == 0 ? 0 : 1;
}
