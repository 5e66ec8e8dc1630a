/* Async functions returning unions by value. */
#include <asyncc.h>
#include <stdio.h>
#include <string.h>

union value {
  long l;
  double d;
  char bytes[16];
};

static async union value r_long(long l) {
  union value v;
  await(asyncc_yield());
  v.l = l;
  return v;
}

static async union value r_bytes(const char* s) {
  union value v;
  memset(&v, 0, sizeof v);
  await(asyncc_sleep(1));
  strncpy(v.bytes, s, sizeof v.bytes - 1);
  return v;
}

static async union value r_double_fast(double d) {
  union value v;
  v.d = d;
  return v;
}

async int amain(void) {
  union value a = await(r_long(-99));
  union value b = await(r_bytes("union bytes"));
  printf("%ld %s\n", a.l, b.bytes);
  printf("%.3f\n", await(r_double_fast(6.125)).d);
  printf("%zu\n", sizeof(union value));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
