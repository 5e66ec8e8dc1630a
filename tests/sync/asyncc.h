/* tests/sync/asyncc.h - the synchronous reading of an async program.
 *
 * The semantic law of asyncc: a program with every await(e) read as (e), and
 * every async call run synchronously, behaves exactly like the transpiled
 * program. Tests build each end-to-end program twice, once through asyncc
 * and once plainly against this header (it shadows the real asyncc.h on the
 * include path), run both and compare output and exit status.
 */
#ifndef ASYNCC_SYNC_H
#define ASYNCC_SYNC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define async
#define await(call) (call)
#define asyncc_run(call) (call)

static inline int asyncc_yield(void) { return 0; }
static inline int asyncc_sleep(uint64_t ms) {
  (void)ms;
  return 0;
}

/* Tasks, read synchronously: the spawned call runs at once and its result
 * waits in the task for the join (non-void calls; programs whose output
 * depends on how tasks interleave are not sync-checkable). */
typedef struct asyncc_task_s {
  size_t size;
  unsigned char result[64];
} asyncc_task_t;

static inline asyncc_task_t* asyncc__sync_task(const void* r, size_t n) {
  static asyncc_task_t tasks[256];
  static size_t used;
  asyncc_task_t* t = &tasks[used++ % 256];
  t->size = n < sizeof t->result ? n : sizeof t->result;
  memcpy(t->result, r, t->size);
  return t;
}

#define asyncc_spawn(call)                           \
  ({                                                 \
    __typeof__(call) asyncc__r = (call);             \
    asyncc__sync_task(&asyncc__r, sizeof asyncc__r); \
  })

static inline int asyncc_task_join(asyncc_task_t* t, void* out) {
  if (out) memcpy(out, t->result, t->size);
  return 0;
}

static inline int asyncc_task_detach(asyncc_task_t* t) {
  (void)t;
  return 0;
}

#endif
