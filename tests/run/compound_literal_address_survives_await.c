/* A compound literal has the lifetime of its enclosing block: a pointer to
 * one taken before an await may be used after it. */
#include <asyncc.h>
#include <stdio.h>

struct node {
  int v;
  struct node* next;
};

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int* p = (int[]){10, 20, 30};
  await(v(0));
  p[1] += await(v(5));
  printf("%d %d %d\n", p[0], p[1], p[2]);
  struct node* list = &(struct node){1, &(struct node){2, NULL}};
  await(asyncc_sleep(1));
  for (struct node* n = list; n; n = n->next) printf("node %d\n", n->v);
  const char* s = (const char[]){'h', 'i', 0};
  await(v(0));
  printf("%s\n", s);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
