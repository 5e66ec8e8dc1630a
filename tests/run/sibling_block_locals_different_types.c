/* Same-named locals of different types in sibling blocks, each live across
 * an await: each keeps its own type and value. */
#include <asyncc.h>
#include <stdio.h>
#include <string.h>

struct big {
  long a, b, c;
};

static async int v(int n) {
  await(asyncc_sleep(1));
  return n;
}

async int amain(void) {
  {
    double val = 0.5;
    await(v(0));
    printf("double %.3f\n", val * await(v(3)));
  }
  {
    char val[16];
    strcpy(val, "sixteen bytes");
    await(v(0));
    printf("char[] %s %zu\n", val, sizeof val);
  }
  {
    struct big val = {1, 2, 3};
    await(v(0));
    printf("struct %ld %ld %ld %zu\n", val.a, val.b, val.c, sizeof val);
  }
  {
    unsigned char val = 255;
    val = (unsigned char)(val + await(v(2)));
    printf("uchar %d\n", val);
  }
  for (int i = 0; i < 2; i++) {
    if (i == 0) {
      long long val = 1LL << 40;
      await(v(0));
      printf("ll %lld\n", val);
    } else {
      const char* val = "ptr";
      await(v(0));
      printf("str %s\n", val);
    }
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
