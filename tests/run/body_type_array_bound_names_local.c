/* Types declared in an async body whose array bounds use sizeof of a local
 * (a member's bound, a typedef's, a nested struct's, and a kept local's)
 * keep their sizes when asyncc moves them to file scope. */
#include <asyncc.h>
#include <stdio.h>

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x;
}

async int amain(unsigned n) {
  unsigned q[3] = {0u, 0u, 0u};
  char kept[5] = "abcd";
  struct S {
    unsigned a[sizeof q / sizeof q[0]];
    struct { char c[sizeof kept][sizeof n]; } in;
  } s = {{1u, await(f(2u)), 3u}, {{{0}}}};
  typedef char name_t[sizeof kept + 1];
  name_t nm = "xyz";
  kept[0] = (char)('a' + await(f(n)));
  s.in.c[4][3] = kept[0];
  printf("%u %u %u %s %s %c\n", s.a[0] + s.a[1] + s.a[2], (unsigned)sizeof s,
         (unsigned)sizeof(name_t), nm, kept, s.in.c[4][3]);
  return 0;
}

int main(void) { return asyncc_run(amain(2u)); }
