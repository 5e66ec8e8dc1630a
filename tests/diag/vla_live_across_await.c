/* A variable-length array whose lifetime spans an await. */
#include <asyncc.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int amain(void) {
  int n = await(v(4));
  int buf[n]; // expected-error {{variable-length array}}
  buf[0] = 1;
  await(asyncc_yield());
  return buf[0];
}

int main(void) { return asyncc_run(amain()); }
