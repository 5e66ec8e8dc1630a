/* A continue inside a GNU statement expression, in a loop whose increment
 * or condition awaits (asyncc rewrites the loop and turns its continues
 * into jumps to the increment or test): it was left as is and skipped the
 * increment (law repro
 * continue_in_statement_expression_skips_awaited_increment); also inside a
 * compound literal the frame keeps (continue_in_moved_compound_literal:
 * the loop never ended). */
#include <asyncc.h>
#include <stdio.h>

static async int id(int x) {
  await(asyncc_yield());
  return x;
}

async int amain(void) {
  int s = 0;
  for (int j = 0; j < 7; j += await(id(1)))
    s += ({
      if (j == 2) {
        j++;
        continue;
      }
      j;
    });
  printf("increment %d\n", s);
  s = 0;
  for (int j = 0; j < await(id(7)); j++)
    s += ({
      if (j == 2) {
        j++;
        continue;
      }
      j;
    });
  printf("condition %d\n", s);
  int k = 0;
  s = 0;
  do
    s += ({
      if (++k == 3) continue;
      k;
    });
  while (k < await(id(6)));
  printf("do %d\n", s);
  unsigned u = 0;
  for (unsigned c = 0; c < 3u; c += await(id(1))) {
    unsigned* p = (unsigned[2]){1u, ({
                                  if (c == 1u) continue;
                                  7u;
                                })};
    u += p[1] + (unsigned)await(id(0));
  }
  printf("literal %u\n", u);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
