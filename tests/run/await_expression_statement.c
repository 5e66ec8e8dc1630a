/* await(CALL); as a statement: the call runs, suspends, and its value is
 * dropped; void and value-returning callees, suspending or not. */
#include <asyncc.h>
#include <stdio.h>

static int calls;

static async int tick(int n) {
  calls += n;
  printf("tick %d before\n", n);
  await(asyncc_yield());
  printf("tick %d after\n", n);
  return n * 10;
}

static async void note(const char* s) { printf("note %s\n", s); }

async int amain(void) {
  await(tick(1));
  printf("calls=%d\n", calls);
  await(note("completes without suspending"));
  await(tick(2));
  await(asyncc_yield());
  await(asyncc_sleep(2));
  await(note("after sleep"));
  printf("calls=%d\n", calls);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
