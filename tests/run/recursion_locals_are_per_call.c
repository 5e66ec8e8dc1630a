/* Every activation of a recursive async function has its own locals and
 * arrays; a child writes through a pointer into its parent's local after
 * suspending. */
#include <asyncc.h>
#include <stdio.h>

static async void build(int depth, int* parent_slot) {
  int buf[4];
  int child_result = 0;
  for (int i = 0; i < 4; i++) buf[i] = depth * 10 + i;
  if (depth > 0) await(build(depth - 1, &child_result));
  await(asyncc_yield());
  printf("depth %d buf %d %d %d %d child %d\n", depth, buf[0], buf[1], buf[2],
         buf[3], child_result);
  *parent_slot = buf[3] + child_result;
}

async int amain(void) {
  int top = 0;
  await(build(4, &top));
  printf("top=%d\n", top);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
