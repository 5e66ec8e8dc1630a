/* __builtin_types_compatible_p and __builtin_offsetof take types: an await
 * in a __typeof__ there is never run (it ran, unlike the sync reading),
 * also through a type-generic macro. */
#include <asyncc.h>
#include <stddef.h>

#define IS_INT(x) __builtin_types_compatible_p(__typeof__(x), int)

struct S {
  int a[4];
};

static async int id(int v) {
  await(asyncc_yield());
  return v;
}

async int f(void) {
  int r = __builtin_types_compatible_p(__typeof__(await(id(1))), int); // expected-error {{unevaluated operand}}
  r += IS_INT(await(id(2))); // expected-error {{unevaluated operand}}
  r += (int)offsetof(__typeof__(*(struct S*)(await(id(3)) ? 0 : 0)), a[1]); // expected-error {{unevaluated operand}}
  r += (int)offsetof(struct S, a[await(id(0))]); /* an index is evaluated */
  long c = 0 && await(id(4)); /* a short circuit's, converted: evaluated */
  return r + (int)c;
}
