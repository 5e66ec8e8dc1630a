/* await(mk()).field, nested members and array members of a returned
 * struct, and -> through a returned pointer. */
#include <asyncc.h>
#include <stdio.h>

struct inner {
  int a, b;
};
struct outer {
  int id;
  struct inner in;
  int vals[3];
};

static struct outer global_outer = {9, {8, 7}, {6, 5, 4}};

static async struct outer mk(int id) {
  await(asyncc_yield());
  struct outer o = {id, {id * 2, id * 3}, {id, id + 1, id + 2}};
  return o;
}

static async struct outer* ptr(void) {
  await(asyncc_sleep(1));
  return &global_outer;
}

async int amain(void) {
  printf("%d\n", await(mk(1)).id);
  printf("%d\n", await(mk(2)).in.b);
  printf("%d\n", await(mk(3)).vals[2]);
  int s = await(mk(4)).in.a + await(mk(5)).in.a;
  printf("%d\n", s);
  printf("%d\n", await(ptr())->in.a);
  await(ptr())->id = 99;
  printf("%d\n", global_outer.id);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
