/* goto jumping forward over awaits, and the "goto out" cleanup pattern
 * leaving nested loops after awaits. */
#include <asyncc.h>
#include <stdio.h>

static async int v(int x) {
  await(asyncc_yield());
  return x;
}

static async int search(int target) {
  int found = -1;
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++)
      if (await(v(i * 4 + j)) == target) {
        found = i * 10 + j;
        goto out;
      }
  printf("not found\n");
out:
  printf("search(%d) cleanup\n", target);
  return found;
}

async int amain(void) {
  int x = 1;
  if (x) goto skip;
  x = await(v(100));
  printf("not printed\n");
skip:
  x += await(v(2));
  printf("x=%d\n", x);
  printf("%d\n", await(search(6)));
  printf("%d\n", await(search(99)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
