/* Array contents written before, between and after awaits; a char buffer
 * filled with snprintf; arrays of structs; pointer walks into a local
 * array that stay valid across awaits. */
#include <asyncc.h>
#include <stdio.h>
#include <string.h>

struct item {
  int id;
  char name[8];
};

static async int v(int n) {
  await(asyncc_sleep((uint64_t)(n % 3)));
  return n;
}

async int amain(void) {
  int fib[12];
  fib[0] = 0;
  fib[1] = 1;
  for (int i = 2; i < 12; i++) fib[i] = await(v(fib[i - 1])) + fib[i - 2];
  for (int i = 0; i < 12; i++) printf("%d ", fib[i]);
  printf("\n");
  char line[64];
  int len = snprintf(line, sizeof line, "fib11=%d", fib[11]);
  await(v(len));
  printf("%s (%d)\n", line, len);
  struct item items[3];
  for (int i = 0; i < 3; i++) {
    items[i].id = await(v(i + 1));
    snprintf(items[i].name, sizeof items[i].name, "n%d", i);
  }
  for (int i = 0; i < 3; i++) printf("%d:%s\n", items[i].id, items[i].name);
  int* p = fib + 3;
  int* q = &fib[10];
  while (p < q) {
    printf("*p=%d\n", *p);
    p += await(v(3));
  }
  char copy[64];
  memcpy(copy, line, sizeof line);
  await(v(1));
  printf("%d\n", strcmp(copy, line) == 0);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
