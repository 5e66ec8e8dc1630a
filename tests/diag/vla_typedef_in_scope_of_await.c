/* A typedef of a variable-length array type with an await later in its
 * block: resuming there would jump into the scope of a variably modified
 * type, which C forbids. Before it is fine, and so is an await in the
 * typedef's own bound. */
#include <asyncc.h>

async unsigned f(unsigned x);

async unsigned g(unsigned n) {
  unsigned before = await(f(n));
  {
    typedef unsigned ok_row[await(f(n)) + 1u];
    before += (unsigned)sizeof(ok_row);
  }
  typedef unsigned row[n]; // expected-error {{typedef 'row' of a variable-length array type is in the scope of an await}}
  unsigned v = (unsigned)(sizeof(row) / sizeof(unsigned));
  return before + v + await(f(1u));
}
