/* A bound of a variable-length array type read before an await in a later
 * bound of the same type: the lowered declaration evaluates the bounds
 * after the await, so the local named first must survive the suspension
 * (it printed sizeof 0 when it did not). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned later(unsigned k) {
  await(asyncc_yield());
  return k + 5u;
}

async int amain(void) {
  unsigned n = 2u;
  {
    int m[n][await(later(n))];
    m[1][6] = 5;
    printf("decl %u %d\n", (unsigned)sizeof m, m[1][6]);
  }

  unsigned rows = 3u;
  printf("sizeof %u\n", (unsigned)sizeof(char[rows][await(later(rows))]));

  unsigned w = 4u;
  {
    /* a typedef's bounds are evaluated where it is declared */
    typedef short row_t[w][await(later(1u))];
    printf("typedef %u\n", (unsigned)sizeof(row_t));
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
