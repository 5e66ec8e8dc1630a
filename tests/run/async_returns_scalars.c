/* Async functions returning every scalar type: values and conversions at
 * the return survive the frame's hand-off. */
#include <asyncc.h>
#include <stdbool.h>
#include <stdio.h>

enum dir { NORTH, EAST = 90, SOUTH = 180 };

static async char r_char(void) { await(asyncc_yield()); return 'Z'; }
static async signed char r_schar(void) { await(asyncc_yield()); return -100; }
static async unsigned short r_ushort(void) { await(asyncc_yield()); return 65535; }
static async long r_long(void) { await(asyncc_yield()); return -123456789L; }
static async unsigned long long r_ull(void) {
  await(asyncc_yield());
  return 18446744073709551615ULL;
}
static async float r_float(void) { await(asyncc_yield()); return 0.1f; }
static async double r_double(void) { await(asyncc_yield()); return 1e300; }
static async long double r_ldouble(void) { await(asyncc_yield()); return 0.1L; }
static async bool r_bool(int v) { await(asyncc_yield()); return v; }
static async enum dir r_enum(void) { await(asyncc_yield()); return SOUTH; }
static async int r_conv(void) {
  double d = 3.99;
  await(asyncc_yield());
  return d;
}
static async short r_short_fast(void) { return -7; }

async int amain(void) {
  printf("%c\n", await(r_char()));
  printf("%d\n", await(r_schar()));
  printf("%u\n", (unsigned)await(r_ushort()));
  printf("%ld\n", await(r_long()));
  printf("%llu\n", await(r_ull()));
  printf("%.9g\n", (double)await(r_float()));
  printf("%g\n", await(r_double()));
  printf("%.25Lg\n", await(r_ldouble()));
  printf("%d %d\n", await(r_bool(42)), await(r_bool(0)));
  printf("%d\n", (int)await(r_enum()));
  printf("%d\n", await(r_conv()));
  printf("%d\n", await(r_short_fast()));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
