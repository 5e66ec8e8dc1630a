/* law repro: a variable of an _Atomic-qualified struct type declared in the
 * async body, live across an await: the frame field keeps the original tag,
 * '_Atomic(struct AS) as;', while the type moved to file scope is renamed
 * 'struct asyncc__amain_AS': "error: field 'as' has incomplete type".
 * Expected (sync): "3". Found by hand (issue 3: body-declared types). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  struct AS { unsigned a, b; };
  _Atomic struct AS as;
  as = (struct AS){ 1u, 2u };
  await(asyncc_yield());
  struct AS cp = as;
  printf("%u\n", cp.a + cp.b);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
