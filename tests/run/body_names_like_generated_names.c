/* Body-declared typedefs, enumerators and struct tags named like asyncc's
 * own names for the function (start, take, init, frame...) get a suffix
 * when moved to file scope, so they do not clash with asyncc__<fn>_init,
 * asyncc__<fn>_start or struct asyncc__<fn>_frame. */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) {
  typedef unsigned start;
  enum { take = 3, init = 4 } e = take;
  start s = x + (unsigned)init;
  await(asyncc_yield());
  return s + (unsigned)e;
}

async unsigned g(unsigned x) {
  struct frame {
    unsigned m;
  } fr = {x};
  await(asyncc_yield());
  return fr.m;
}

async unsigned amain(void) {
  printf("%u %u\n", await(f(1u)), await(g(3u)));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
