/* A macro that expands to a whole declaration of a variable kept across an
 * await (the function is macro-expanded, so the declaration can become an
 * assignment to the frame field). */
#include <asyncc.h>
#include <stdio.h>

#define DECL(n) unsigned n = 5u
#define BUF(name, size) char name[size] = {'o', 'k'}

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x * 3u + 1u;
}

async unsigned amain(void) {
  DECL(v);
  BUF(b, 8);
  v += await(f(v));
  printf("%u %s %zu\n", v, b, sizeof b);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
