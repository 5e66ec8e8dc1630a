/* law repro: a struct declared in an async body under '#pragma pack(1)' is
 * moved to file scope without the pragma, so its layout changes: sync
 * prints "5 6", the transpiled program "8 6" (sizeof differs). Found by
 * hand (issue 3: body-declared types). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
#pragma pack(push, 1)
  struct S { unsigned char c; unsigned v; } s = { 1u, 2u };
#pragma pack(pop)
  s.v += await(f(1u));
  printf("%u %u\n", (unsigned)sizeof s, s.v);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
