/* law repro: an await inside a __typeof__ in va_arg's type operand
 * (va_arg(ap, __typeof__(await(id(n))))) is never evaluated by C, but
 * asyncc hoists and runs it; no diagnostic. Sync prints "5 0",
 * transpiled "5 1". (__builtin_types_compatible_p and __builtin_offsetof
 * are diagnosed since hunt5; va_arg's operand 'ap' is evaluated, its
 * type is not, so the constant-expression test does not apply.) Found by
 * hand (hunt5), low priority. */
#include <asyncc.h>
#include <stdarg.h>
#include <stdio.h>

static int calls;

static async int id(int v) {
  calls++;
  await(asyncc_yield());
  return v;
}

static async int va(int n, va_list ap) {
  return va_arg(ap, __typeof__(await(id(n))));
}

static int vw(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int r = asyncc_run(va(n, ap));
  va_end(ap);
  return r;
}

int main(void) {
  int r = vw(1, 5);
  printf("%d %d\n", r, calls);
  return 0;
}
