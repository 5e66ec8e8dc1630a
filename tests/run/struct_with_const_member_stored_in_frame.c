/* A struct with a const member as a parameter, a local live across an await
 * and a result: the frame initializes it by memcpy (C forbids assigning it).
 * (law repro const_member_struct_in_frame.c, hunt session 5) */
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
