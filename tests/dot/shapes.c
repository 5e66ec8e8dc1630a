/* State graphs for asyncc --emit-dot (golden: shapes.dot). */
#include <asyncc.h>

static async int step(int x) {
  await(asyncc_yield());
  return x;
}

/* if/else: two arms join; a loop with an await in its condition. */
async int branches(int n) {
  int r = 0;
  if (n > 0)
    r = await(step(1));
  else
    r = await(step(2));
  while (await(step(r)) < n) r++;
  return r;
}

/* break out of a loop; an early return; a switch with fallthrough. */
async int jumps(int n) {
  for (int i = 0; i < n; i++) {
    if (await(step(i)) == 3) break;
    if (i == 7) return -1;
  }
  switch (n) {
    case 1:
      await(step(10));
      /* fallthrough */
    case 2:
      await(step(20));
      break;
    default:
      break;
  }
  return n;
}
