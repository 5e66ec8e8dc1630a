/* asyncc_run() of an async void function as main's only work. */
#include <asyncc.h>
#include <stdio.h>

static async void vmain(void) {
  for (int i = 0; i < 3; i++) {
    await(asyncc_sleep((uint64_t)i));
    printf("tick %d\n", i);
  }
}

int main(void) {
  asyncc_run(vmain());
  printf("after run\n");
  return 0;
}
