/* Arrays stay arrays: sizeof, element count, and 2-D arrays after an
 * await; array locals are not decayed to pointers. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

async int amain(void) {
  char buf[37];
  int nums[7] = {1, 2, 3};
  double grid[3][5];
  await(v(0));
  printf("%zu %zu %zu %zu %zu\n", sizeof buf, sizeof nums, COUNT(nums),
         sizeof grid, sizeof grid[1]);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 5; j++) grid[i][j] = i * 10 + j;
  await(v(0));
  printf("%zu %.1f %.1f\n", COUNT(grid[0]), grid[2][4], grid[1][3]);
  int* end = nums + COUNT(nums);
  await(v(0));
  printf("%td\n", end - nums);
  buf[0] = 'z';
  buf[1] = 0;
  printf("%s\n", buf);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
