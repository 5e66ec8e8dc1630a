/* #define, #undef and the conditionals around them inside an async
 * function that asyncc macro-expands (AW hides an await) keep their effect
 * on the rest of the file. */
#include <asyncc.h>
#include <stdio.h>

#define AW(x) await(f(x))
#define GONE 1

static async unsigned f(unsigned x) {
  await(asyncc_yield());
  return x;
}

async unsigned amain(void) {
#define TWICE(x) ((x) * 2u)
  unsigned v = AW(4u);
#undef GONE
#ifdef TWICE
#define THRICE(x) ((x) * 3u)
#else
#define THRICE(x) 0u
#endif
  return TWICE(v) + THRICE(1u);
}

int main(void) {
#ifdef GONE
  printf("GONE is defined\n");
#endif
  printf("%u %u\n", TWICE(3u), THRICE(2u));
  return (int)asyncc_run(amain());
}
