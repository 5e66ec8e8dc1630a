/* switch (await(kind())): the controlling expression is awaited once, and
 * dispatches to the right case. */
#include <asyncc.h>
#include <stdio.h>

static async int kind(int v) {
  printf("kind %d\n", v);
  await(asyncc_yield());
  return v % 4;
}

static async int quiet_kind(int v) {
  await(asyncc_sleep(1));
  return v % 4;
}

static async const char* name(int v) {
  switch (await(kind(v))) {
    case 0:
      return "zero";
    case 1:
      return "one";
    case 2:
      break;
    default:
      return "other";
  }
  return "two";
}

async int amain(void) {
  for (int i = 0; i < 5; i++) printf("%d -> %s\n", i, await(name(i)));
  switch (await(quiet_kind(6)) + await(quiet_kind(1))) {
    case 3:
      printf("three\n");
      break;
    default:
      printf("bad\n");
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
