/* Top-down code: callers first, callees defined later. A callee whose
 * frame names only types declared before its first caller is lowered
 * first and embedded in the caller's frame (its frame struct goes before
 * the caller); one that names a type declared after the caller keeps a
 * heap frame. Both behave the same; recursion through them too. */
#include <asyncc.h>
#include <stdio.h>

struct early {
  int a, b;
};

static async int middle(int n);
static async long late_type(int n);
static async int ping(int n);

async int amain(void) {
  int m = await(middle(3));
  long l = await(late_type(4));
  int p = await(ping(5));
  printf("%d %ld %d\n", m, l, p);
  return 0;
}

static async int leaf(struct early e) {
  await(asyncc_yield());
  return e.a * 10 + e.b;
}

static async int middle(int n) {
  struct early e = {n, n + 1};
  int r = await(leaf(e));
  await(asyncc_yield());
  return r + e.a;
}

struct late {
  long v;
};

static async long late_type(int n) {
  struct late x = {n};
  await(asyncc_yield());
  return x.v * 2;
}

static async int pong(int n);

static async int ping(int n) {
  if (n <= 0) return 0;
  return 1 + await(pong(n - 1));
}

static async int pong(int n) {
  await(asyncc_yield());
  if (n <= 0) return 100;
  return await(ping(n - 1));
}

int main(void) { return asyncc_run(amain()); }
