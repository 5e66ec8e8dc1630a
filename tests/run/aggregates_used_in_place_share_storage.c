/* Arrays, structs and unions of one block used only in place (subscripts,
 * '.' members, sizeof, by-value assignment) share frame storage when
 * their live ranges never overlap; one whose address escapes (a call
 * argument, '&', a pointer to it) keeps its own, and one copied by value
 * from another overlaps it. The values stay right. */
#include <asyncc.h>
#include <stdio.h>
#include <string.h>

struct pt {
  int x, y;
  int hist[4];
};

union bits {
  unsigned u;
  unsigned char b[4];
};

static async int f(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int a[8];
  for (int i = 0; i < 8; i++) a[i] = await(f(i));
  int sa = 0;
  for (int i = 0; i < 8; i++) sa += a[i] + (int)sizeof a;
  struct pt p = {1, 2, {0}};
  p.hist[await(f(1))] = 5;
  p.x += await(f(p.hist[1]));
  struct pt q;
  q = p;
  union bits ub;
  ub.u = 0x01020304u;
  ub.b[await(f(0))] = 9;
  char buf[16];
  strcpy(buf, "esc");
  int *pa = &q.y;
  await(asyncc_yield());
  *pa += 1;
  printf("%d %d %d %d %u %s\n", sa, q.x, q.y, q.hist[1], ub.u & 0xffu, buf);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
