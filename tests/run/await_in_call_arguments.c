/* Awaits as arguments of ordinary calls, several per call. The awaited
 * callees have no visible side effects, so C's unspecified argument order
 * cannot show. */
#include <asyncc.h>
#include <stdio.h>

static async int slow(int v) {
  await(asyncc_sleep(1));
  return v;
}
static async int fast(int v) { return v + 1000; }

static int sum3(int a, int b, int c) { return a * 100 + b * 10 + c; }
static void show(const char* tag, int a, int b) {
  printf("%s %d %d\n", tag, a, b);
}

async int amain(void) {
  printf("%d\n", sum3(await(slow(1)), await(slow(2)), await(slow(3))));
  printf("%d\n", sum3(1, await(fast(2)), 3));
  show("pair", await(slow(7)), await(fast(8)));
  show("nested", sum3(await(slow(1)), 0, 0), sum3(0, 0, await(slow(9))));
  printf("%s=%d\n", "direct", await(slow(42)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
