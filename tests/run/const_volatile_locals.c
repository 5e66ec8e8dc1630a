/* const and volatile locals (and const pointers, pointers to const) keep
 * their values across awaits; a const local initialized from an await. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  const int k = 42;
  volatile int vol = 7;
  const int from_await = await(v(99));
  const char* const msg = "const ptr";
  const double arr[3] = {1.5, 2.5, 3.5};
  volatile unsigned long counter = 0;
  int target = 5;
  int* const fixed = &target;
  await(asyncc_sleep(1));
  for (int i = 0; i < 3; i++) {
    counter++;
    vol = vol + await(v(i));
  }
  *fixed = await(v(6));
  printf("%d %d %d %s %.1f %lu %d\n", k, vol, from_await, msg, arr[2],
         counter, target);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
