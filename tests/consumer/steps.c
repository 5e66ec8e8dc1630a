/* steps.c - one async step: sleeps a little and returns its square. */
#include "steps.h"

async int step(int i) {
  int rc = await(asyncc_sleep(1));
  if (rc != 0) return -1;
  await(asyncc_yield());
  return i * i;
}
