/* Union locals across awaits: the active member written before an await is
 * read after it; a tagged union returned by an async function. */
#include <asyncc.h>
#include <stdio.h>

union num {
  int i;
  double d;
  char s[12];
};

struct tagged {
  int tag;
  union num u;
};

static async struct tagged make(int tag) {
  struct tagged t;
  t.tag = tag;
  await(asyncc_yield());
  if (tag == 0)
    t.u.i = 17;
  else if (tag == 1)
    t.u.d = 2.75;
  else
    snprintf(t.u.s, sizeof t.u.s, "tag%d", tag);
  return t;
}

static void print(struct tagged t) {
  if (t.tag == 0)
    printf("int %d\n", t.u.i);
  else if (t.tag == 1)
    printf("double %.2f\n", t.u.d);
  else
    printf("str %s\n", t.u.s);
}

async int amain(void) {
  union num n;
  n.d = 1.5;
  await(asyncc_sleep(1));
  printf("%.2f\n", n.d);
  n.i = await(make(0)).u.i;
  await(asyncc_yield());
  printf("%d %zu\n", n.i, sizeof n);
  for (int k = 0; k < 3; k++) {
    struct tagged t = await(make(k));
    await(asyncc_yield());
    print(t);
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
