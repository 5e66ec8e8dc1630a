/* Parameters of many types keep their values across suspensions, and can be
 * modified like locals. */
#include <asyncc.h>
#include <stdio.h>

struct point {
  int x, y;
};

static async int show(char c, short s, long long ll, unsigned u, double d,
                      const char* str, struct point p, int* ptr) {
  await(asyncc_yield());
  printf("%c %d %lld %u %.3f %s (%d,%d) %d\n", c, s, ll, u, d, str, p.x, p.y,
         *ptr);
  await(asyncc_sleep(1));
  c++;
  s = (short)(s * 2);
  ll -= 1;
  u += 1u;
  d /= 2;
  str++;
  p.x += p.y;
  ptr++;
  await(asyncc_yield());
  printf("%c %d %lld %u %.3f %s (%d,%d) %d\n", c, s, ll, u, d, str, p.x, p.y,
         *ptr);
  return (int)(ll % 1000);
}

async int amain(void) {
  int arr[2] = {11, 22};
  struct point p = {3, 4};
  int r = await(show('a', 300, 1234567890123LL, 4000000000u, 2.5, "hello",
                     p, arr));
  printf("r=%d p=(%d,%d)\n", r, p.x, p.y);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
