/* Struct types declared in async function bodies are moved to file scope
 * (their values live in frames). Array bounds spelled with a macro, a name
 * or __func__ mean something else there: a macro defined in the body, a
 * macro redefined, or an enumerator or object declared, between a caller
 * and a callee whose frame (and body types) the output places before the
 * caller, and __func__ (not defined at file scope). Such bounds are moved
 * as the constants they are (hunt repros body_define_used_by_moved_struct,
 * hoisted_callee_body_type_macros, hoisted_callee_body_type_names_later_decl,
 * func_in_moved_struct_bound). */
#include <asyncc.h>
#include <stdio.h>

static async int with_define(void) {
#define K 5
  struct S {
    int a[K];
  } s = {{1}};
  await(asyncc_yield());
  return (int)sizeof s + s.a[0];
}

#define N 2
static async int later(void);

async int amain(void) {
  printf("%d\n", await(with_define()));
  printf("%d\n", await(later()));
  return 0;
}

#undef N
#define N 4
enum { LEN = 6 };
static const int glob[3] = {1, 2, 3};

static async int later(void) {
  struct T {
    int a[N];
    char f[sizeof(__func__)];
    char b[LEN];
    int c[sizeof glob / sizeof glob[0]];
  } t = {{1}, "", "", {0}};
  int arr[N];
  arr[0] = 5;
  await(asyncc_yield());
  return (int)(sizeof t + sizeof arr) + t.a[0] + arr[0];
}

int main(void) { return asyncc_run(amain()); }
