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
 * Deeper than that (a sum of millions of terms) the stack runs out, in
 * asyncc or in libclang. A crash must not leave a temporary output file
 * behind or end without a word: a handler on an alternate stack removes
 * the temporaries, says what happened and exits with status 2.
 *
 * Like clang (-disable-free), a release build leaves the translation unit
 * and the arena to the process's exit: freeing them is a few per cent of
 * a large file's run. Debug and sanitizer builds free everything, so leak
 * checks keep covering the pipeline. */
#define _XOPEN_SOURCE 700 /* setenv, sigaltstack */
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "emit.h"
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

/* Sanitizers report crashes themselves: their handlers stay. */
#if defined(__SANITIZE_ADDRESS__)
#define CATCH_CRASHES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer)
#define CATCH_CRASHES 0
#endif
#endif
#ifndef CATCH_CRASHES
#define CATCH_CRASHES 1
#endif

typedef struct {
  const tr_options_t* options;
  int status;
} job_t;

static volatile uintptr_t driver_stack_top; /* 0 until the driver runs */

static void say(const char* s) {
  ssize_t r = write(STDERR_FILENO, s, strlen(s));
  (void)r;
}

/* A fault near the driver's stack (its guard page or just below) is the
 * stack running out; anything else is a bug. */
static void on_crash(int sig, siginfo_t* info, void* context) {
  (void)context;
  tr_outfile_abandon_all();
  uintptr_t at = (uintptr_t)info->si_addr, top = driver_stack_top;
  if ((sig == SIGSEGV || sig == SIGBUS) && top != 0 && at < top &&
      top - at <= DRIVER_STACK_SIZE + ((uintptr_t)1 << 20))
    say("asyncc: error: out of stack space: the input nests expressions or "
        "statements too deeply; no output was written\n");
  else
    say("asyncc: internal error: asyncc crashed (a fatal signal); no output "
        "was written. Please report this with the input file.\n");
  _exit(2);
}

static void catch_crashes(void) {
  if (!CATCH_CRASHES) return;
  /* libclang's own recovery handlers run on the stack that ran out, so
     the process died without a word: ours replace them */
  setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_crash;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    sigaction(sigs[i], &sa, NULL);
}

/* The handler needs a stack of its own on the thread whose stack ran out. */
static void alt_stack(void) {
  static char* mem;
  size_t size = 64 * 1024;
  if (!CATCH_CRASHES || (mem == NULL && (mem = malloc(size)) == NULL)) return;
  stack_t ss;
  memset(&ss, 0, sizeof ss);
  ss.ss_sp = mem;
  ss.ss_size = size;
  sigaltstack(&ss, NULL);
}

static void* run_job(void* arg) {
  job_t* job = arg;
  char here;
  driver_stack_top = (uintptr_t)&here;
  alt_stack();
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
  catch_crashes();
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
