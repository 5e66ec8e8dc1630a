/* Locals declared with GNU __auto_type, or as pointers to a __typeof__ of
 * an array or function type, kept across an await, and temporaries of
 * such types left of an await: their frame declarators are composed from
 * the type (int (*pa)[3]), not pasted from its spelling ("int (*)[3] pa",
 * which did not compile, or "int *pa3[3]", an array of pointers; hunt
 * repro auto_type_local_frame_field). */
#include <asyncc.h>
#include <stdio.h>

static int twice(int x) { return 2 * x; }

static int use(int (*f)(int), int k) { return f(k); }

static int use2(int (*a)[3], int k) { return (*a)[k]; }

static async int id(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int arr[3] = {1, 2, 3};
  __auto_type pa = &arr;
  __auto_type fp = twice;
  struct L {
    int z;
  } loc = {9};
  __auto_type pl = &loc;
  __typeof__(twice)* fp3 = twice;
  __typeof__(arr)* pa3 = &arr;
  __typeof__(twice)* fa[1] = {twice};
  await(asyncc_yield());
  printf("%d %d %d %d %d\n", (*pa)[2], fp(5), pl->z, fp3(1),
         (*pa3)[0] + 0 * fa[0](0));
  __auto_type q = twice;
  printf("%d %d %d\n", use((__typeof__(twice)*)twice, await(id(1))),
         use2((__typeof__(arr)*)&arr, await(id(2))), use(q, await(id(3))));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
