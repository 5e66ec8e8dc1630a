/* sigsetjmp (glibc's macro over __sigsetjmp) and GCC's __builtin_setjmp
 * and __builtin_longjmp in an async function are refused like setjmp
 * and longjmp; they were let through. */
#include <asyncc.h>
#include <setjmp.h>

static sigjmp_buf senv;
static void* benv[5];

static async int id(int v) {
  await(asyncc_yield());
  return v;
}

async int f(int k) {
  if (sigsetjmp(senv, 1)) return 1; // expected-error {{setjmp}}
  if (__builtin_setjmp(benv)) return 2; // expected-error {{setjmp}}
  int r = await(id(k));
  if (r) __builtin_longjmp(benv, 1); // expected-error {{setjmp}}
  return r;
}
