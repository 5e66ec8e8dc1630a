/* Frames of several shapes for the --report test: scalars, arrays,
 * structs, a temporary across an await, an embedded callee frame and a
 * heap callee (recursion), sibling blocks sharing storage. */
#include <asyncc.h>
#include <stdio.h>

struct big {
  char tag;
  double d[3];
};

static async int leaf(int x) {
  await(asyncc_yield());
  return x + 1;
}

static async long rec(int n) {
  if (n == 0) return 0;
  return 1 + await(rec(n - 1));
}

static async double mid(char c, struct big b) {
  short s = 3;
  char buf[5] = "abcd";
  int sum = await(leaf(c)) + await(leaf(s));
  return b.d[1] + sum + buf[1] + (double)await(rec(2));
}

/* 'before' is dead at the await: it stays a local of the resume function. */
static async int dead_after(int n) {
  int before = n * 2;
  printf("%d\n", before);
  await(asyncc_yield());
  int after = n + 1;
  return after;
}

/* Sibling blocks never live at once: 'x' and 'y' share frame storage. */
static async int siblings(int n) {
  int r = 0;
  if (n) {
    long x[4] = {1, 2, 3, 4};
    r += await(leaf((int)x[3]));
    r += (int)x[0];
  } else {
    double y = 0.5;
    r += await(leaf(2));
    r += (int)(y * 2);
  }
  return r;
}

/* Locals of one block whose live ranges never overlap share storage: 'a'
 * is dead when 'b' is declared. 'k', used in the loop after 'b' is
 * declared, overlaps both. */
static async long sequence(int n) {
  long k = n;
  int a = await(leaf(n));
  a += await(leaf(a));
  k += a;
  double b = await(leaf(2)) * 1.5;
  for (int i = 0; i < 2; i++) b += await(leaf((int)k));
  return (long)b + k;
}

/* A callee defined after its caller is still embedded in its frame. */
static async int defined_later(int n);
static async int top_down(int n) { return await(defined_later(n)) + 1; }
static async int defined_later(int n) {
  await(asyncc_yield());
  return n * 2;
}

/* An alignment specifier on a local is kept by its frame field. */
static async int aligned(int n) {
  _Alignas(32) char c = (char)n;
  await(asyncc_yield());
  return c;
}

async int amain(void) {
  struct big b = {'x', {1.0, 2.0, 3.0}};
  double r = await(mid('a', b));
  printf("%.1f %d\n", r, await(dead_after(4)));
  printf("%d\n", await(siblings(1)));
  printf("%ld\n", await(sequence(3)));
  printf("%d\n", await(top_down(3)));
  printf("%d\n", await(aligned(3)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
