/* return from inside for, while and do/while bodies after awaits; the
 * rest of the function does not run. */
#include <asyncc.h>
#include <stdio.h>

static async int sq(int x) {
  await(asyncc_yield());
  return x * x;
}

static async int first_square_over(int limit) {
  for (int i = 0;; i++) {
    int s = await(sq(i));
    if (s > limit) return i;
  }
}

static async int find_in_while(int target) {
  int i = 0;
  while (i < 100) {
    if (await(sq(i)) == target) return i;
    i++;
  }
  printf("not found %d\n", target);
  return -1;
}

static async int do_return(int n) {
  do {
    n = await(sq(n));
    if (n > 1000) return n;
  } while (n > 1);
  printf("fell out with %d\n", n);
  return 0;
}

static async int nested_return(void) {
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 5; j++)
      if (await(sq(i)) + await(sq(j)) == 25) return i * 10 + j;
  return -1;
}

async int amain(void) {
  printf("%d\n", await(first_square_over(50)));
  printf("%d\n", await(find_in_while(49)));
  printf("%d\n", await(find_in_while(50)));
  printf("%d\n", await(do_return(3)));
  printf("%d\n", await(do_return(1)));
  printf("%d\n", await(nested_return()));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
