/* Parameters whose type is a typedef of an array or function type are
 * adjusted to pointers in the frame, as C adjusts them: a typedef'd
 * array was stored as an array ("assignment to expression with array
 * type"). x86-64's va_list is such a typedef, of an array of a builtin
 * struct no source can name: its frame field must still be one va_arg
 * accepts. */
#include <asyncc.h>
#include <stdarg.h>
#include <stdio.h>

typedef int A3[3];
typedef const A3 CA3;
typedef int fn_t(int);

static int twice(int x) { return 2 * x; }

static async int id(int v) {
  await(asyncc_yield());
  return v;
}

static async int sum(int n, va_list ap) {
  int s = 0;
  for (int i = 0; i < n; i++) s += await(id(va_arg(ap, int)));
  return s;
}

static async int arrays(A3 a, CA3 c, fn_t cb) {
  int r = await(id(a[0])) + c[2];
  a[1] = await(id(cb(r)));
  return r + a[1];
}

static int vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int r = asyncc_run(sum(n, ap));
  va_end(ap);
  return r;
}

int main(void) {
  A3 a = {1, 2, 3};
  printf("sum %d\n", vsum(4, 10, 20, 30, 40));
  int r = asyncc_run(arrays(a, a, twice));
  printf("arrays %d %d\n", r, a[1]);
  return 0;
}
