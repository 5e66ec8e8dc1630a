#include <stdio.h>

#include "a.h"

async int add_later(int a, int b) {
  await(asyncc_yield());
  return a + b;
}

async void log_step(const char* what) {
  await(asyncc_sleep(1));
  printf("step: %s\n", what);
}

async struct stats summarize(const int* vals, int n) {
  struct stats s = {0, 0};
  for (int i = 0; i < n; i++) {
    s.sum = await(add_later((int)s.sum, vals[i]));
    s.count++;
  }
  return s;
}

async int no_suspend(int x) { return x * 3; }
