/* __attribute__((cleanup)) on a local whose declaration asyncc rewrites
 * (kept in the frame, or initialized by an await) would lose its cleanup:
 * an error. The same attribute in a block without awaits is left alone. */
#include <asyncc.h>
#include <stdio.h>

static async int id(int x) {
  await(asyncc_yield());
  return x;
}

static void done(int* p) { printf("cleanup %d\n", *p); }

async int amain(void) {
  {
    __attribute__((cleanup(done))) int a = await(id(2)); // expected-error {{a variable with the 'cleanup' attribute cannot be kept across an await or initialized by one}}
    printf("a %d\n", a);
  }
  {
    __attribute__((cleanup(done))) int b = 3; // expected-error {{a variable with the 'cleanup' attribute cannot be kept across an await or initialized by one}}
    await(asyncc_yield());
    printf("b %d\n", b);
  }
  {
    __attribute__((__cleanup__(done))) int c = 4;
    printf("c %d\n", c);
  }
  return 0;
}
