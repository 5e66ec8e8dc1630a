/* Designated initializers for structs and arrays, with and without awaited
 * values, zero-filling the rest, kept across awaits. */
#include <asyncc.h>
#include <stdio.h>

struct config {
  int port;
  const char* host;
  int retries;
  double timeout;
  int ids[4];
};

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  struct config c = {.host = "example", .ids[2] = 7, .port = await(v(8080))};
  await(asyncc_sleep(1));
  printf("%d %s %d %.1f %d %d %d %d\n", c.port, c.host, c.retries, c.timeout,
         c.ids[0], c.ids[1], c.ids[2], c.ids[3]);
  int arr[8] = {[5] = await(v(55)), [1] = 11, [6] = 66};
  await(asyncc_yield());
  for (int i = 0; i < 8; i++) printf("%d ", arr[i]);
  printf("\n");
  struct config d = {.retries = 3, .timeout = 0.5};
  struct config e = {0};
  e = d;
  e.ids[await(v(3))] = await(v(33));
  printf("%d %d %.1f %d\n", e.port, e.retries, e.timeout, e.ids[3]);
  char name[10] = {[0] = 'o', [1] = 'k'};
  await(v(0));
  printf("%s\n", name);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
