/* await(e) has the callee's declared return type, so a type error in its
 * use is clang's own diagnostic. */
#include <asyncc.h>

struct pt {
  int x, y;
};

static async struct pt mk(void) {
  await(asyncc_yield());
  struct pt p = {1, 2};
  return p;
}

async int amain(void) {
  int bad = await(mk()); // expected-error {{incompatible type 'struct pt'}}
  return bad;
}

int main(void) { return asyncc_run(amain()); }
