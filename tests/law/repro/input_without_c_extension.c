/* repro (CLI): an input whose name does not end in '.c' (a copy of this
 * file named 'prog' or 'prog.txt', or '/dev/stdin' redirected from a
 * regular file) is handed to libclang as is, which then treats it as a
 * precompiled AST rather than C source: asyncc prints
 *   asyncc: error: cannot parse 'prog': libclang failed (error 4); check
 *   the clang arguments after '--'
 * and exits 2. The file is valid C (this file transpiles fine under its
 * own name) and no clang argument is at fault. Expected: parse the input
 * as C whatever its name (pass '-x c' ahead of the user's arguments), or
 * say that the name must end in .c. '.cpp'/'.C' copies are parsed as
 * C++ (errors about C++17), also surprising for a C-only tool. Found by
 * hand (hunt, session 5); low priority.
 *   cp tests/law/repro/input_without_c_extension.c /tmp/prog
 *   build/asyncc /tmp/prog -o /tmp/prog.gen.c -- -I include; echo $?   # 2
 *   build/asyncc /dev/stdin -o /tmp/x.gen.c -- -I include < tests/law/repro/input_without_c_extension.c */
#include <asyncc.h>
#include <stdio.h>

static async int f(int x)
{
  await(asyncc_yield());
  return x + 1;
}

async int amain(void)
{
  printf("%d\n", await(f(1)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
