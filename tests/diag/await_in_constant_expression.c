/* An await where C requires a constant (a static or file-scope
 * initializer, a case label) is clang's error, reported at the user's
 * line, not in <asyncc/lang.h> where the await macro's body is. */
#include <asyncc.h>

static async int id(int v) {
  await(asyncc_yield());
  return v;
}

int g = await(id(1)); // expected-error {{initializer element is not a compile-time constant}}

async int f(int k) {
  static int s = await(id(2)); // expected-error {{initializer element is not a compile-time constant}}
  switch (k) {
    case await(id(3)): // expected-error {{not an integer constant expression}}
      return s;
  }
  return 0;
}
