/* The input's own #line directives (with and without a file name) keep
 * their effect on __LINE__ and __FILE__ in async functions and in plain
 * code after them, though asyncc writes #line directives of its own. */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x;
}

#line 100 "other.c"
async unsigned amain(void) {
  unsigned x = await(f(4u));
  printf("%d %s\n", __LINE__, __FILE__);
#line 500
  x += await(f(1u));
  printf("%d %s\n", __LINE__, __FILE__);
  return x;
}

static void plain(void) { printf("%d %s\n", __LINE__, __FILE__); }

int main(void) {
  plain();
  return (int)asyncc_run(amain());
}
