/* Locals of many types, initialized before an await and read after it. */
#include <asyncc.h>
#include <stdio.h>

enum color { RED, GREEN, BLUE };

static async int pause_for(int ms) {
  await(asyncc_sleep((uint64_t)ms));
  return ms;
}

async int amain(void) {
  char c = 'q';
  signed char sc = -5;
  unsigned char uc = 250;
  short sh = -1234;
  int i = 42;
  long l = -77777L;
  long long ll = 9000000000LL;
  unsigned long ul = 123456UL;
  float f = 0.25f;
  double d = 3.0 / 7.0;
  long double ld = 1.0L / 3.0L;
  _Bool b = 1;
  enum color col = BLUE;
  const char* s = "text";
  void* vp = &i;
  await(pause_for(2));
  await(pause_for(0));
  printf("%c %d %d %d %d %ld %lld %lu\n", c, sc, uc, sh, i, l, ll, ul);
  printf("%.6f %.17g %.10Lf %d %d %s %d\n", f, d, ld, b, col, s,
         vp == (void*)&i);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
