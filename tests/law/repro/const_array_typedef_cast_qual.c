/* hunt repro (session hunt2, warnings in generated code): a kept local of
 * a typedef'd array of const elements ('typedef const int CIA[2]; CIA cia
 * = {6, 7};' live across an await) is initialized by
 * 'memcpy((void*)asyncc__f->cia, (CIA){ 6, 7 }, ...)'. The cast to void*
 * that fixed const_array_typedef_in_frame.c discards const, so
 * -Wcast-qual (gcc and clang, any -std, -O0 and -O2) warns at the
 * declaration: "cast discards 'const' qualifier from pointer target type";
 * with -Werror the build fails, where the source builds cleanly with the
 * same flags. Expected: no warning (e.g. memcpy through a
 * (void*)(uintptr_t) or (unsigned char*)&asyncc__f->cia conversion, or a
 * frame field declared without the const). Prints "13" both ways.
 * Found by compiling tests/run/array_typedef_of_const_elements_stored_in_frame.c's
 * output with -Wcast-qual.
 *   cc -Wcast-qual -Werror -I tests/sync -c X.c -o /dev/null       # ok
 *   build/asyncc X.c -o X.gen.c -- -I include
 *   cc -Wcast-qual -Werror -I include -c X.gen.c -o /dev/null      # fails
 *   clang -Wcast-qual -Werror -I include -c X.gen.c -o /dev/null   # fails */
#include <asyncc.h>
#include <stdio.h>

typedef const int CIA[2];

static async int f(void) {
  await(asyncc_yield());
  return 0;
}

static async int amain(void) {
  CIA cia = {6, 7};
  await(f());
  printf("%d\n", cia[0] + cia[1]);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
