/* law repro: a struct with a const-qualified member ('struct K { const
 * unsigned a; unsigned b; }') stored in a frame: a parameter (copied in
 * asyncc__F_init), a local live across an await, and a return value
 * (asyncc__ret) are all stored by plain assignment to the frame field,
 * which C forbids for a struct with a const member ("assignment of
 * read-only member"): the output does not compile. The values never
 * change after initialization, so the C is valid; the frame should
 * initialize them by memcpy (or store the field without the qualifier).
 * Valid C11; sync prints "3 5 6". Found by hand (hunt, session 5). */
#include <asyncc.h>
#include <stdio.h>

struct K { const unsigned a; unsigned b; };

static async unsigned usek(struct K k)
{
  await(asyncc_yield());
  return k.a + k.b;
}

static async struct K mkk(unsigned v)
{
  await(asyncc_yield());
  struct K r = { v, v + 1u };
  return r;
}

async unsigned amain(void)
{
  struct K k = { 1u, 2u };
  unsigned s = await(usek(k));
  printf("%u %u %u\n", s, await(mkk(5u)).a, k.a + await(mkk(2u)).b + k.b);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
