/* Locals of sibling blocks share frame storage (their lifetimes never
 * overlap): each keeps its value across awaits, blocks re-entered in a loop
 * start afresh, nested siblings inside siblings work, and a same-named
 * local in sibling blocks stays distinct. */
#include <asyncc.h>
#include <stdio.h>
#include <string.h>

static async int id(int v) {
  await(asyncc_yield());
  return v;
}

static async int branches(int n) {
  int total = 0;
  for (int round = 0; round < 4; round++) {
    if ((n + round) % 2) {
      long a = 100 + round;
      char tag[8];
      strcpy(tag, "odd");
      total += await(id((int)a));
      if (round > 1) {
        int inner1 = await(id(7));
        total += inner1 + (int)strlen(tag);
      } else {
        double inner2 = 1.5;
        total += await(id(3)) + (int)(inner2 * 2);
      }
      total += (int)a;
    } else {
      int a = -round; /* same name, other type, sibling block */
      short s[3] = {1, 2, 3};
      total += await(id(a)) + s[2];
      total += a * 10 + (int)sizeof s;
    }
    {
      unsigned char bytes[16];
      memset(bytes, round, sizeof bytes);
      await(id(0));
      for (size_t i = 0; i < sizeof bytes; i++) total += bytes[i];
    }
  }
  return total;
}

async int amain(void) {
  printf("%d\n", await(branches(0)));
  printf("%d\n", await(branches(1)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
