/* law repro: a macro expanding to a whole declaration of a variable kept
 * across an await (no await in the macro): asyncc rewrites the declaration
 * as an assignment around the unexpanded invocation,
 * 'asyncc__f->v = DECL(v);', which does not compile ("expected expression
 * before 'unsigned'"). Expected (sync): "21". Found by hand (issue 3). */
#include <asyncc.h>
#include <stdio.h>

#define DECL(n) unsigned n = 5u

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  DECL(v);
  v += await(f(v));
  printf("%u\n", v);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
