/* Async functions returning data pointers, string literals, NULL, pointers
 * to static storage and function pointers of ordinary functions. */
#include <asyncc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cell = 3;

static int twice(int x) { return 2 * x; }
static int thrice(int x) { return 3 * x; }

static async int* r_cell(void) {
  await(asyncc_sleep(1));
  return &cell;
}
static async const char* r_str(int n) {
  await(asyncc_yield());
  return n ? "nonzero" : "zero";
}
static async void* r_null(void) {
  await(asyncc_yield());
  return NULL;
}
static async char* r_heap(const char* s) {
  char* p = malloc(strlen(s) + 1);
  await(asyncc_yield());
  strcpy(p, s);
  return p;
}
static async int (*r_fn(int which))(int) {
  await(asyncc_yield());
  return which ? thrice : twice;
}

async int amain(void) {
  int* p = await(r_cell());
  *p += 1;
  printf("%d\n", cell);
  printf("%s %s\n", await(r_str(1)), await(r_str(0)));
  printf("%d\n", await(r_null()) == NULL);
  char* h = await(r_heap("heap copy"));
  printf("%s\n", h);
  free(h);
  int (*fn)(int) = await(r_fn(1));
  printf("%d %d\n", fn(5), await(r_fn(0))(5));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
