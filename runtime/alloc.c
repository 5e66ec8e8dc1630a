/* alloc.c - the replaceable allocator and the frame allocator.
 *
 * Every frame (generated or hand-written) and every task comes from
 * asyncc__frame_alloc. Sizes up to ASYNCC__SMALL_MAX are rounded up to an
 * 8-byte size class and served per thread: first from the class's free list,
 * then carved from a 64 KiB chunk. So an await in steady state costs a pointer
 * pop and a pointer push, with no lock, no atomic and no malloc, and a block
 * carries no malloc header (a parked task is a few small blocks). Bigger frames
 * go straight to the allocator.
 *
 * Classes of 8 bytes, not malloc's 16, keep every object aligned all the
 * same: a block is asked for with the size of its type, which is a
 * multiple of the type's alignment, so a size that is a multiple of 16
 * (the only sizes a 16-aligned type can have) gets a class whose blocks
 * are 16-aligned (chunks and their headers are), and any other size needs
 * no more than 8. A frame of 40 bytes takes 40, not 48.
 *
 * Everything is per thread because runners are: frames stay on the thread
 * that allocated them. A thread's chunks go back to the allocator when the
 * thread exits (a pthread key destructor), or on asyncc__frame_trim, but
 * only if none of its blocks is still in use (otherwise they stay: never a
 * use after free).
 *
 * The live count (blocks allocated and not freed) is kept per thread and
 * folded into a global at thread exit, so counting costs no atomic either.
 *
 * Under AddressSanitizer every block is its own malloc, so a frame used
 * after it was freed, or freed twice, is reported instead of recycled.
 *
 * Running out of memory for a frame has no error channel in the awaiting
 * expression: it prints a message and aborts, as a C stack overflow would.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

#ifdef ASYNCC__ASAN
#define ASYNCC__NO_FREE_LISTS 1
#endif

#define ASYNCC__CLASS_SHIFT 3 /* 8-byte size classes */
#define ASYNCC__SMALL_MAX 1024
#define ASYNCC__NCLASSES (ASYNCC__SMALL_MAX >> ASYNCC__CLASS_SHIFT)
#define ASYNCC__CHUNK_SIZE (64 * 1024)

typedef struct free_block_s free_block_t;
struct free_block_s {
  free_block_t* next;
};

/* A chunk starts with this header (16 bytes, so blocks stay aligned). */
typedef struct chunk_s chunk_t;
struct chunk_s {
  chunk_t* next;
  void* pad;
};

typedef struct {
  free_block_t* free[ASYNCC__NCLASSES];
  char* bump[ASYNCC__NCLASSES]; /* the rest of the class's last chunk */
  char* bump_end[ASYNCC__NCLASSES];
  chunk_t* chunks; /* every chunk of this thread */
  long live;       /* blocks allocated minus freed on this thread */
  int registered;  /* the exit destructor is set up */
} thread_heap_t;

static struct {
  asyncc_malloc_func malloc_func;
  asyncc_realloc_func realloc_func;
  asyncc_calloc_func calloc_func;
  asyncc_free_func free_func;
} allocator = {malloc, realloc, calloc, free};

static ASYNCC__TLS thread_heap_t heap;
static atomic_long exited_live; /* the live counts of exited threads */
static pthread_key_t thread_key;
static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;

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
  /* Chunks came from the old allocator; so did the task pool that the
   * thread's runner keeps between asyncc_run calls (task.c), which
   * asyncc_runner_close would otherwise give to the new one's free. */
  asyncc__frame_trim();
  if (asyncc__current_runner != NULL && asyncc__current_runner->task_count == 0)
    asyncc__runner_free_tasks(asyncc__current_runner);
  allocator.malloc_func = malloc_func;
  allocator.realloc_func = realloc_func;
  allocator.calloc_func = calloc_func;
  allocator.free_func = free_func;
  return 0;
}

void asyncc__frame_trim(void) {
  size_t i;
  if (heap.live != 0) return; /* blocks in use: keep every chunk */
  while (heap.chunks != NULL) {
    chunk_t* next = heap.chunks->next;
    asyncc__free(heap.chunks);
    heap.chunks = next;
  }
  for (i = 0; i < ASYNCC__NCLASSES; i++) {
    heap.free[i] = NULL;
    heap.bump[i] = NULL;
    heap.bump_end[i] = NULL;
  }
}

static void thread_exit(void* arg) {
  (void)arg;
  atomic_fetch_add_explicit(&exited_live, heap.live, memory_order_relaxed);
  asyncc__frame_trim();
  heap.live = 0;
}

static void thread_key_create(void) {
  if (pthread_key_create(&thread_key, thread_exit) != 0)
    asyncc__fatal("pthread_key_create failed");
}

/* Arranges for thread_exit to run when the calling thread exits. */
static void register_thread(void) {
  pthread_once(&thread_key_once, thread_key_create);
  /* Any non-NULL value makes the destructor run. */
  pthread_setspecific(thread_key, &heap);
  heap.registered = 1;
}

static void* oom(size_t size) {
  asyncc__fatal("out of memory allocating a %zu-byte frame", size);
}

#ifndef ASYNCC__NO_FREE_LISTS
/* The slow path of a small allocation: carve a block of class 'c' from a
 * chunk, taking a new chunk when the class's is used up. */
static void* carve(size_t c) {
  size_t size = (c + 1) << ASYNCC__CLASS_SHIFT;
  char* p;
  if (heap.bump[c] == NULL || heap.bump[c] + size > heap.bump_end[c]) {
    chunk_t* chunk = asyncc__malloc(ASYNCC__CHUNK_SIZE);
    if (chunk == NULL) oom(size);
    chunk->next = heap.chunks;
    heap.chunks = chunk;
    heap.bump[c] = (char*)chunk + sizeof(chunk_t);
    heap.bump_end[c] = (char*)chunk + ASYNCC__CHUNK_SIZE;
  }
  p = heap.bump[c];
  heap.bump[c] += size;
  return p;
}
#endif

ASYNCC__ABI void* asyncc__frame_alloc(size_t size) {
  void* p;
  if (!heap.registered) register_thread();
  heap.live++;
#ifndef ASYNCC__NO_FREE_LISTS
  if (size <= ASYNCC__SMALL_MAX) {
    size_t c = size == 0 ? 0 : (size - 1) >> ASYNCC__CLASS_SHIFT;
    free_block_t* b = heap.free[c];
    if (b != NULL) {
      heap.free[c] = b->next;
      return b;
    }
    return carve(c);
  }
#endif
  p = asyncc__malloc(size == 0 ? 1 : size);
  if (p == NULL) oom(size);
  return p;
}

ASYNCC__ABI void asyncc__frame_free(void* frame, size_t size) {
  if (frame == NULL) return;
  heap.live--;
#ifndef ASYNCC__NO_FREE_LISTS
  if (size <= ASYNCC__SMALL_MAX) {
    size_t c = size == 0 ? 0 : (size - 1) >> ASYNCC__CLASS_SHIFT;
    free_block_t* b = frame;
    b->next = heap.free[c];
    heap.free[c] = b;
    return;
  }
#else
  (void)size;
#endif
  asyncc__free(frame);
}

/* An over-aligned frame is carved from a block 'align' bytes larger; the
 * block's address sits in the word before the frame. The gap is a nonzero
 * multiple of 16 (the block is 16-aligned: its size, a multiple of 'align'
 * plus 'align', is a multiple of 32; 'align' is a larger power of two), so
 * the word always fits. */
ASYNCC__ABI void* asyncc__frame_alloc_over(size_t size, size_t align) {
  char* block = asyncc__frame_alloc(size + align);
  char* frame = block + (align - (uintptr_t)block % align);
  memcpy(frame - sizeof block, &block, sizeof block);
  return frame;
}

ASYNCC__ABI void asyncc__frame_free_over(void* frame, size_t size,
                                         size_t align) {
  char* block;
  if (frame == NULL) return;
  memcpy(&block, (char*)frame - sizeof block, sizeof block);
  asyncc__frame_free(block, size + align);
}

void asyncc__frame_live_add(long n) {
  if (!heap.registered) register_thread();
  heap.live += n;
}

long asyncc__frame_live_count(void) {
  return atomic_load_explicit(&exited_live, memory_order_relaxed) + heap.live;
}
