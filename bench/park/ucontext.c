/* bench/park/ucontext.c - measurement 3, peer: memory of N suspended
 * stackful coroutines (ucontext), each with a 64 KiB stack.
 *
 * The stacks are carved from one MAP_NORESERVE mapping, so only the pages a
 * coroutine touches count (no guard pages: with one mapping per stack and a
 * guard page each, a million coroutines would exceed vm.max_map_count).
 * Each coroutine parks itself on a shared waiter list and switches back to
 * main; after all N are parked, main resumes each, which finishes.
 *
 *   park_ucontext N      prints "parked N"
 */
#include <sys/mman.h>
#include <ucontext.h>

#include "bench.h"

#define STACK_SIZE (64 * 1024)

typedef struct coro_s coro_t;
struct coro_s {
  ucontext_t ctx;  /* the coroutine's registers and signal mask */
  coro_t* next;    /* waiter-list link */
  int id;
};

static ucontext_t main_ctx;
static coro_t* waiters;
static int value;
static int done;
static long total;

static void body(void) {
  coro_t* self = waiters; /* set by the spawner before switching in */
  int id = self->id;
  if (!done) {
    /* already at the head of 'waiters': park */
    swapcontext(&self->ctx, &main_ctx);
  }
  total += value + id;
}

/* Not in main: getcontext() returns twice, and main's locals would then
 * be at risk of being clobbered (-Wclobbered). */
static void run(long n) {
  size_t cn = n > 0 ? (size_t)n : 1;
  char* stacks = mmap(NULL, cn * STACK_SIZE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  coro_t* coros = malloc(cn * sizeof *coros);
  if (stacks == MAP_FAILED || !coros) abort();
  for (long i = 0; i < n; i++) {
    coro_t* c = &coros[i];
    c->id = (int)i;
    getcontext(&c->ctx);
    c->ctx.uc_stack.ss_sp = stacks + (size_t)i * STACK_SIZE;
    c->ctx.uc_stack.ss_size = STACK_SIZE;
    c->ctx.uc_link = &main_ctx;
    makecontext(&c->ctx, body, 0);
    c->next = waiters;
    waiters = c;
    swapcontext(&main_ctx, &c->ctx);
  }
  long count = 0;
  for (coro_t* c = waiters; c; c = c->next) count++;
  printf("parked %ld\n", count);
  value = 1;
  done = 1;
  for (coro_t* c = waiters; c; c = c->next) swapcontext(&main_ctx, &c->ctx);
}

int main(int argc, char** argv) {
  run(bench_arg(argc, argv, 1, 1000000));
  fprintf(stderr, "checksum %ld\n", total);
  return 0;
}
