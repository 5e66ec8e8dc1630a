/* An async function with many parameters of mixed types, including a
 * function pointer, an array parameter (a pointer) and a struct. */
#include <asyncc.h>
#include <stdio.h>

struct s3 {
  char c[3];
};

static int neg(int x) { return -x; }

static async long many(int a, char b, short c, long d, unsigned e, float f,
                       double g, const char* h, int (*fn)(int), int arr[],
                       struct s3 s, long long last) {
  await(asyncc_yield());
  printf("%d %c %d %ld %u %.2f %.2f %s %d %d %c%c%c %lld\n", a, b, c, d, e,
         (double)f, g, h, fn(a), arr[1], s.c[0], s.c[1], s.c[2], last);
  await(asyncc_sleep(1));
  arr[1] = 99;
  return d + (long)last;
}

async int amain(void) {
  int arr[2] = {5, 6};
  struct s3 s = {{'x', 'y', 'z'}};
  long r = await(many(1, 'b', 3, 4L, 5u, 6.5f, 7.25, "h", neg, arr, s, 12LL));
  printf("%ld %d\n", r, arr[1]);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
