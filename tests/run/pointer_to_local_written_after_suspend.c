/* A pointer to a local handed to an awaited callee that writes through it
 * after it has suspended: the caller sees the write. */
#include <asyncc.h>
#include <stdio.h>

struct result {
  int code;
  char text[16];
};

static async void produce(int* out, int v) {
  *out = -1;
  await(asyncc_sleep(2));
  *out = v;
  await(asyncc_yield());
  *out += 1;
}

static async int fill(struct result* r, int* count) {
  await(asyncc_yield());
  r->code = 200;
  snprintf(r->text, sizeof r->text, "ok");
  (*count)++;
  await(asyncc_yield());
  (*count)++;
  return 0;
}

static async void deeper(int* p) {
  await(asyncc_yield());
  await(produce(p, *p * 2));
}

async int amain(void) {
  int x = 0;
  await(produce(&x, 41));
  printf("x=%d\n", x);
  struct result r = {0, ""};
  int count = 0;
  await(fill(&r, &count));
  printf("%d %s %d\n", r.code, r.text, count);
  int arr[3] = {1, 2, 3};
  await(produce(&arr[1], 10));
  await(produce(arr + 2, 20));
  printf("%d %d %d\n", arr[0], arr[1], arr[2]);
  {
    int inner = 5;
    await(deeper(&inner));
    printf("inner=%d\n", inner);
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
