/* A return inside a GNU statement expression that does not await: the
 * common TRY macro around a plain call, one written out, one inside a
 * compound literal the frame keeps, one inside a _Generic association.
 * They were left as is, so the resume function returned the user's value
 * as its state code: a deadlock abort, or a stale result for return 0
 * (hunt repro return_in_statement_expression_without_await). */
#include <asyncc.h>
#include <stdio.h>

#define TRY(e)             \
  ({                       \
    int r_ = (e);          \
    if (r_ < 0) return r_; \
    r_;                    \
  })

static int plain(int k) { return k ? -1 : 1; }

static async int id(int x) {
  await(asyncc_yield());
  return x;
}

static async int try_plain(int k) {
  int a = await(id(1));
  int v = TRY(plain(k));
  return a + v;
}

static async int written_out(int k) {
  int a = await(id(1));
  int v = ({
    if (k) return 0;
    1;
  });
  return a + v;
}

static async int in_literal(int k) {
  int* p = (int[2]){1, ({
                      if (k == 1) return 42;
                      7;
                    })};
  return p[1] + await(id(0));
}

static async int in_generic(int k) {
  int v = _Generic(k, int
                   : ({
                       if (k == 1) return 5;
                       1;
                     }),
                     default : 0) +
          await(id(2));
  return v;
}

async int amain(void) {
  printf("%d %d\n", await(try_plain(0)), await(try_plain(1)));
  printf("%d %d\n", await(written_out(0)), await(written_out(1)));
  printf("%d %d\n", await(in_literal(0)), await(in_literal(1)));
  printf("%d %d\n", await(in_generic(0)), await(in_generic(1)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
