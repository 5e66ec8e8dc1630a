/* law repro: a '#line' directive in the input is overridden by asyncc's own
 * '#line' markers (physical line and file of the input), so __LINE__ and
 * __FILE__ after it change, even in plain functions: sync prints
 * "103 other.c" (and exits 4), the transpiled program "15 .../line_directive_overridden.c".
 * Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

#line 100 "other.c"
async unsigned amain(void)
{
  unsigned x = await(f(4u));
  printf("%d %s\n", __LINE__, __FILE__);
  return x;
}

int main(void) { return (int)asyncc_run(amain()); }
