/* Async functions returning structs by value: small, large (with an array),
 * nested, returned without suspending, and a struct returned from a
 * recursive call. */
#include <asyncc.h>
#include <stdio.h>

struct small {
  short a;
  char b;
};
struct large {
  int id;
  double vals[16];
  char tag[24];
};

static async struct small r_small(short a) {
  await(asyncc_yield());
  struct small s = {a, 'x'};
  return s;
}

static async struct large r_large(int id) {
  struct large l = {0};
  l.id = id;
  for (int i = 0; i < 16; i++) {
    if (i % 5 == 0) await(asyncc_yield());
    l.vals[i] = i * 0.5 + id;
  }
  snprintf(l.tag, sizeof l.tag, "large-%d", id);
  return l;
}

static async struct small r_fast(void) { return (struct small){9, 'f'}; }

static async struct small r_sum(int n) {
  if (n == 0) return await(r_small(0));
  struct small s = await(r_sum(n - 1));
  s.a = (short)(s.a + n);
  return s;
}

async int amain(void) {
  struct small s = await(r_small(5));
  printf("%d %c\n", s.a, s.b);
  struct large l = await(r_large(3));
  await(asyncc_yield());
  printf("%d %.1f %.1f %s\n", l.id, l.vals[0], l.vals[15], l.tag);
  s = await(r_fast());
  printf("%d %c\n", s.a, s.b);
  printf("%d\n", await(r_sum(10)).a);
  printf("%s\n", await(r_large(7)).tag);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
