/* An async recursion 100,000 calls deep that does not suspend on the way
 * down: each start is a C call, and at -O0 (forced below for GCC) a level
 * of the lowered recursion took more stack than a level of the plain one,
 * so the 8 MiB stack overflowed where the synchronous program did not.
 * Past a window of stack the runtime defers a callee's start to the next
 * loop turn, so the descent's depth on the C stack stays bounded (hunt
 * repro deep_recursion_without_suspension_stack_overflow). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O0")
#endif
#include <asyncc.h>
#include <stdio.h>

static async unsigned long sum(unsigned n) {
  if (n == 0) return 0;
  return n + await(sum(n - 1));
}

static async long odd(long n);

static async long even(long n) {
  if (n == 0) return 1;
  return await(odd(n - 1));
}

static async long odd(long n) {
  if (n == 0) return 0;
  return await(even(n - 1));
}

static async void count(long n, long* out) {
  if (n == 0) return;
  ++*out;
  await(count(n - 1, out));
}

async int amain(void) {
  printf("%lu\n", await(sum(100000)));
  printf("%ld %ld\n", await(even(100000)), await(odd(100001)));
  long c = 0;
  await(count(100000, &c));
  printf("%ld\n", c);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
