/* A pointer to a variable-length array type whose scope contains an await:
 * the resume switch would jump into the scope of a variably modified
 * type, so asyncc reports it even though the pointer is dead at the
 * await. */
#include <asyncc.h>

async unsigned f(unsigned x);

async unsigned g(unsigned n) {
  unsigned a[3] = {1u, 2u, 3u};
  unsigned(*p)[n] = &a; // expected-error {{variable-length array}}
  unsigned v = (*p)[2];
  return v + await(f(1u));
}
