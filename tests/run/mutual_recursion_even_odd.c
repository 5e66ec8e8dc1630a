/* Mutual recursion between two async functions that need a prototype. */
#include <asyncc.h>
#include <stdbool.h>
#include <stdio.h>

static async bool is_odd(unsigned n);

static async bool is_even(unsigned n) {
  if (n == 0) return true;
  if (n % 7 == 0) await(asyncc_yield());
  return await(is_odd(n - 1));
}

static async bool is_odd(unsigned n) {
  if (n == 0) return false;
  return await(is_even(n - 1));
}

static async int ping(int n);
static async int pong(int n) {
  await(asyncc_yield());
  printf("pong %d\n", n);
  return n == 0 ? 0 : 1 + await(ping(n - 1));
}
static async int ping(int n) {
  printf("ping %d\n", n);
  return n == 0 ? 0 : 1 + await(pong(n - 1));
}

async int amain(void) {
  printf("%d %d %d %d\n", await(is_even(10)), await(is_odd(10)),
         await(is_even(333)), await(is_odd(333)));
  printf("%d\n", await(ping(5)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
