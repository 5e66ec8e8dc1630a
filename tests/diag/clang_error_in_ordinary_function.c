/* A syntax error in ordinary code of a file with async functions is
 * clang's own diagnostic at the user's line; nothing else is reported. */
#include <asyncc.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

static int plain(int x) {
  int y = x * 2 // expected-error {{expected ';' at end of declaration}}
  return y;
}

int main(void) { return asyncc_run(v(plain(1))); }
