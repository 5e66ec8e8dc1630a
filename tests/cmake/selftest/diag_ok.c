/* Self-test input for diag_match.cmake: every error annotated. */
#include <asyncc.h>

int f(void) {
  int a[2] = {0, 1}; return await(g(a[0])); // expected-error {{outside an async function}}

  // expected-error@+1 {{not a call of an async function}}
  int x = await(a[1]);
  return x; // expected-error {{first}} expected-error {{second; with [brackets]}}
}
// expected-error@-3 {{above}}
