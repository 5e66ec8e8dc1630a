/* alloc.c - the replaceable allocator and the frame free lists.
 *
 * Every frame (generated or hand-written) and every task comes from
 * asyncc__frame_alloc. Sizes up to ASYNCC__SMALL_MAX are rounded up to a
 * 16-byte size class and recycled through per-thread free lists, so an
 * await in steady state does not call malloc; bigger frames go straight to
 * the allocator. The free lists are per thread because runners are: no
 * locking on the hot path. A thread's lists are returned to the allocator
 * when the thread exits (a pthread key destructor) or on asyncc__frame_trim.
 *
 * Under AddressSanitizer the free lists are bypassed, so a frame used after
 * it was freed, or freed twice, is reported instead of silently recycled.
 *
 * Running out of memory for a frame has no error channel in the awaiting
 * expression: it prints a message and aborts, as a C stack overflow would.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define ASYNCC__NO_FREE_LISTS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASYNCC__NO_FREE_LISTS 1
#endif
#endif

#define ASYNCC__CLASS_SHIFT 4 /* 16-byte size classes */
#define ASYNCC__SMALL_MAX 1024
#define ASYNCC__NCLASSES (ASYNCC__SMALL_MAX >> ASYNCC__CLASS_SHIFT)

typedef struct free_block_s free_block_t;
struct free_block_s {
  free_block_t* next;
};

static struct {
  asyncc_malloc_func malloc_func;
  asyncc_realloc_func realloc_func;
  asyncc_calloc_func calloc_func;
  asyncc_free_func free_func;
} allocator = {malloc, realloc, calloc, free};

static _Thread_local free_block_t* free_lists[ASYNCC__NCLASSES];
static atomic_long live_frames;

void* asyncc__malloc(size_t size) { return allocator.malloc_func(size); }

void* asyncc__calloc(size_t count, size_t size) {
  return allocator.calloc_func(count, size);
}

void* asyncc__realloc(void* ptr, size_t size) {
  return allocator.realloc_func(ptr, size);
}

void asyncc__free(void* ptr) { allocator.free_func(ptr); }

int asyncc_replace_allocator(asyncc_malloc_func malloc_func,
                             asyncc_realloc_func realloc_func,
                             asyncc_calloc_func calloc_func,
                             asyncc_free_func free_func) {
  if (malloc_func == NULL || realloc_func == NULL || calloc_func == NULL ||
      free_func == NULL)
    return UV_EINVAL;
  /* Blocks in the free lists came from the old allocator. */
  asyncc__frame_trim();
  allocator.malloc_func = malloc_func;
  allocator.realloc_func = realloc_func;
  allocator.calloc_func = calloc_func;
  allocator.free_func = free_func;
  return 0;
}

void asyncc__frame_trim(void) {
  size_t i;
  for (i = 0; i < ASYNCC__NCLASSES; i++) {
    free_block_t* b = free_lists[i];
    free_lists[i] = NULL;
    while (b != NULL) {
      free_block_t* next = b->next;
      asyncc__free(b);
      b = next;
    }
  }
}

#ifndef ASYNCC__NO_FREE_LISTS
static _Thread_local int thread_registered;
static pthread_key_t thread_key;
static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;

static void thread_exit(void* arg) {
  (void)arg;
  asyncc__frame_trim();
}

static void thread_key_create(void) {
  if (pthread_key_create(&thread_key, thread_exit) != 0)
    asyncc__fatal("pthread_key_create failed");
}

/* Arranges for the calling thread's free lists to be released when it
 * exits; done once per thread, the first time a block is recycled. */
static void register_thread(void) {
  pthread_once(&thread_key_once, thread_key_create);
  /* Any non-NULL value makes the destructor run. */
  pthread_setspecific(thread_key, &thread_registered);
  thread_registered = 1;
}
#endif

ASYNCC__ABI void* asyncc__frame_alloc(size_t size) {
  void* p;
  if (size == 0) size = 1;
#ifndef ASYNCC__NO_FREE_LISTS
  if (size <= ASYNCC__SMALL_MAX) {
    size_t c = (size - 1) >> ASYNCC__CLASS_SHIFT;
    free_block_t* b = free_lists[c];
    if (b != NULL) {
      free_lists[c] = b->next;
      atomic_fetch_add_explicit(&live_frames, 1, memory_order_relaxed);
      return b;
    }
    size = (c + 1) << ASYNCC__CLASS_SHIFT;
  }
#endif
  p = asyncc__malloc(size);
  if (p == NULL)
    asyncc__fatal("out of memory allocating a %zu-byte frame", size);
  atomic_fetch_add_explicit(&live_frames, 1, memory_order_relaxed);
  return p;
}

ASYNCC__ABI void asyncc__frame_free(void* frame, size_t size) {
  if (frame == NULL) return;
  atomic_fetch_sub_explicit(&live_frames, 1, memory_order_relaxed);
#ifndef ASYNCC__NO_FREE_LISTS
  if (size == 0) size = 1;
  if (size <= ASYNCC__SMALL_MAX) {
    size_t c = (size - 1) >> ASYNCC__CLASS_SHIFT;
    free_block_t* b = frame;
    if (!thread_registered) register_thread();
    b->next = free_lists[c];
    free_lists[c] = b;
    return;
  }
#else
  (void)size;
#endif
  asyncc__free(frame);
}

long asyncc__frame_live_count(void) {
  return atomic_load_explicit(&live_frames, memory_order_relaxed);
}
