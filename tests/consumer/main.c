/* main.c - the consumer smoke test: awaits steps across files and prints
 * the running sum. Expected output: "step 0 -> 0", ..., then "sum 5". */
#include <stdio.h>

#include "steps.h"

#ifndef CONSUMER_STEPS
#define CONSUMER_STEPS 3
#endif

/* Built by tests/consumer/CMakeLists.txt: options that asyncc_target_sources
 * must hand to asyncc as well as to the compiler. */
#ifdef CONSUMER_CMAKE
#if !defined(CONSUMER_OPTION) || !defined(CONSUMER_TWO_WORDS)
#error "a -D of the compile options or of CMAKE_C_FLAGS did not reach asyncc"
#endif
#endif

static async int amain(void) {
  int sum = 0;
  for (int i = 0; i < CONSUMER_STEPS; i++) {
    int v = await(step(i));
    printf("step %d -> %d\n", i, v);
    sum += v;
  }
  printf("sum %d\n", sum);
  return sum == 5 ? 0 : 1;
}

int main(void) { return asyncc_run(amain()); }
