/* A store to an element of a GNU vector (vector_size) whose right operand
 * awaits: the element of the vector itself is written, as for an array,
 * not of a copy of the vector taken before the await; also through a
 * member, a pointer and a compound assignment.
 * (law repro vector_element_store_await.c, hunt session 5) */
#include <asyncc.h>
#include <stdio.h>

typedef unsigned v4 __attribute__((vector_size(16)));

struct S { int tag; v4 v; };

static async unsigned f(unsigned x)
{
  await(asyncc_yield());
  return x + 13u;
}

async int amain(void)
{
  v4 a = { 1u, 2u, 3u, 4u };
  struct S s = { 0, { 1u, 2u, 3u, 4u } };
  v4* pv = &a;
  a[1] = await(f(a[2]));
  a[0] += await(f(2u));
  s.v[1] = await(f(s.v[3]));
  (*pv)[3] = await(f(0u));
  printf("%u %u %u %u\n", a[0], a[1], a[2], a[3]);
  printf("%u %u %u %u\n", s.v[0], s.v[1], s.v[2], s.v[3]);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
