/* main.c - asyncc's entry point: parse options, run the driver, map the
 * result to an exit status (0 ok, 1 errors in the input, 2 usage, I/O or
 * internal error).
 *
 * The pipeline recurses over the syntax tree, a few C frames per level of
 * nesting: a sum of 4,000 terms or an else-if chain of 4,000 arms needs
 * more than the usual 8 MiB main stack. The driver runs on a thread with
 * a stack of its own, 256 MiB of address space that is touched only as
 * deep as the input goes, and libclang parses on that thread too
 * (LIBCLANG_NOTHREADS) instead of a helper thread of 8 MiB, where clang's
 * parser ran out of stack first.
 *
 * Like clang (-disable-free), a release build leaves the translation unit
 * and the arena to the process's exit: freeing them is a few per cent of
 * a large file's run. Debug and sanitizer builds free everything, so leak
 * checks keep covering the pipeline. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

#include "driver.h"
#include "options.h"

#define DRIVER_STACK_SIZE ((size_t)256 << 20)

/* Debug and sanitizer builds free everything at the end (see above). */
#if !defined(NDEBUG) || defined(__SANITIZE_ADDRESS__)
#define FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define FREE_AT_EXIT 1
#endif
#endif
#ifndef FREE_AT_EXIT
#define FREE_AT_EXIT 0
#endif

typedef struct {
  const tr_options_t* options;
  int status;
} job_t;

static void* run_job(void* arg) {
  job_t* job = arg;
  job->status = tr_driver_run(job->options);
  return NULL;
}

int main(int argc, char** argv) {
  tr_options_t o;
  int r = tr_options_parse(&o, argc, argv);
  if (r > 0) return 0;
  if (r < 0) return 2;
  o.keep_memory = !FREE_AT_EXIT;
  setenv("LIBCLANG_NOTHREADS", "1", 0);
  job_t job = {&o, 2};
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) == 0 &&
      pthread_attr_setstacksize(&attr, DRIVER_STACK_SIZE) == 0 &&
      pthread_create(&thread, &attr, run_job, &job) == 0) {
    pthread_join(thread, NULL);
  } else {
    run_job(&job); /* no thread: as deep as the main stack allows */
  }
  pthread_attr_destroy(&attr);
  return job.status;
}
