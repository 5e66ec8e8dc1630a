/* An await hidden in a macro, expanded in an ordinary function: the error
 * points at the line where the macro is used. */
#include <asyncc.h>

#define TRY(call)                \
  do {                           \
    int try_rc_ = await(call);   \
    if (try_rc_ < 0) return -1;  \
  } while (0)

static async int step(void) { return await(asyncc_yield()); }

static int plain(void) {
  TRY(step()); // expected-error {{'await' outside of an async function}}
  return 0;
}

int main(void) { return plain(); }
