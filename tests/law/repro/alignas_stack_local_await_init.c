/* law repro: a local with _Alignas whose initializer awaits but which is not
 * kept in the frame (no await after it) is re-declared without the
 * alignment specifier in the resume function: 'unsigned int c =
 * asyncc__f->asyncc__u.f.asyncc__ret;'. Sync prints "0"; transpiled e.g.
 * "20". (Frame fields keep _Alignas since de8a7c1; this is the stack
 * path.) Found by gen.py feature 'align' (seed 15, medium). */
#include <asyncc.h>
#include <stdint.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x; }

async unsigned amain(void)
{
  char pad = 1;
  _Alignas(32) unsigned c = await(f(1u));
  printf("%u\n", (unsigned)((uintptr_t)&c % 32u) + (unsigned)pad - 1u);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
