/* Taking the address of an async function, explicitly or by decay to a
 * function pointer (there are no async function pointers yet). */
#include <asyncc.h>

typedef int (*fn_t)(int);

static async int work(int x) {
  await(asyncc_yield());
  return x;
}

static int apply(fn_t fn, int x) { return fn(x); }

int main(void) {
  fn_t a = &work; // expected-error {{address of async function 'work'}}
  fn_t b = work; // expected-error {{address of async function 'work'}}
  return apply(work, 1) + (a == b); // expected-error {{address of async function 'work'}}
}
