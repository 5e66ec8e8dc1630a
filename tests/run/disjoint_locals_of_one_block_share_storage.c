/* Locals of one block whose live ranges never overlap share frame storage
 * (asyncc --report shows the unions); their values stay right around
 * loops (a use before the declaration point of another local, reached by
 * the back edge), for-init variables, switch cases and do/while
 * conditions. */
#include <asyncc.h>
#include <stdio.h>

static async int f(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int total = 0;
  int a = await(f(1));
  a += await(f(a));
  total += a;
  int b = await(f(10));
  b *= await(f(2));
  total += b;
  /* 'p' is read at the top of the loop after 'q' is written below it */
  int p = 5;
  for (int i = 0; i < 3; i++) {
    total += p;
    int q = await(f(i));
    p = q + 1;
    total += await(f(q));
  }
  int c = 0;
  do {
    c += await(f(2));
  } while (c < 7);
  total += c;
  switch (await(f(2))) {
    case 1: {
      int s1 = await(f(100));
      total += s1;
    }
    /* fall through */
    case 2: {
      int s2 = await(f(200));
      total += s2 + await(f(s2));
    }
    /* fall through */
    default: {
      int s3 = await(f(3));
      total += s3 * await(f(s3));
    }
  }
  int w = 0;
  while (w < 3) w += await(f(1));
  int last = await(f(total));
  printf("%d %d %d %d\n", total, last, w, c);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
