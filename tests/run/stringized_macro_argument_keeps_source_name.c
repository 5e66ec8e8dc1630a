/* A variable kept across an await, passed to a macro that stringizes its
 * argument (assert's message, a logging macro): the string shows the
 * source text, not the frame field asyncc rewrites the variable to. */
#include <asyncc.h>
#include <stdio.h>

#define SHOW(e) printf("%s = %d\n", #e, (e))

static async int f(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int total = 1;
  total += await(f(2));
  SHOW(total * 2);
  int other = await(f(5));
  SHOW(other);
  SHOW(total + other);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
