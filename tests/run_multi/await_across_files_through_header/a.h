/* Async functions defined in a.c and awaited from b.c. */
#ifndef AWAIT_ACROSS_FILES_A_H
#define AWAIT_ACROSS_FILES_A_H
#include <asyncc.h>

struct stats {
  int count;
  long sum;
};

async int add_later(int a, int b);
async void log_step(const char* what);
extern async struct stats summarize(const int* vals, int n);
async int no_suspend(int x);
#endif
