/* Struct locals: assigned whole, member-wise, copied, passed by value and
 * by pointer, with nested structs and bit-fields. */
#include <asyncc.h>
#include <stdio.h>

struct flags {
  unsigned ready : 1;
  unsigned level : 3;
  signed delta : 4;
};
struct rect {
  struct {
    int x, y;
  } origin;
  int w, h;
  struct flags f;
};

static async struct rect grow(struct rect r, int by) {
  await(asyncc_yield());
  r.w += by;
  r.h += by;
  r.f.level = (unsigned)(r.f.level + 1u) & 7u;
  return r;
}

static async void move(struct rect* r, int dx) {
  await(asyncc_sleep(1));
  r->origin.x += dx;
}

async int amain(void) {
  struct rect a = {{1, 2}, 3, 4, {1, 5, -3}};
  struct rect b = await(grow(a, 10));
  printf("a: %d %d %d %d %u %u %d\n", a.origin.x, a.origin.y, a.w, a.h,
         a.f.ready, a.f.level, a.f.delta);
  printf("b: %d %d %d %d %u %u %d\n", b.origin.x, b.origin.y, b.w, b.h,
         b.f.ready, b.f.level, b.f.delta);
  await(move(&b, 7));
  struct rect c = b;
  c.origin.y = await(grow(c, 1)).w;
  printf("c: %d %d %d %d %u\n", c.origin.x, c.origin.y, c.w, c.h, c.f.level);
  a = c;
  await(asyncc_yield());
  printf("a: %d %d\n", a.origin.x, a.origin.y);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
