/* law repro: 'continue;' that is itself the (unbraced) body of a loop
 * whose condition or increment awaits is not rewritten to the jump to the
 * rewritten loop's test ('goto asyncc__c1'): it stays 'continue;' in the
 * 'for (;;)' asyncc makes of the loop, skips the test, and the program
 * never ends. 'do { continue; } while (...)' and 'do if (c) continue; ...'
 * work. Sync prints "3 4"; transpiled hangs. Found by gen.py seed 104
 * --size small --features=all,+nobrace ('do continue; while (++n1 < 2u &&
 * ... await(f1(...)) ...);'). */
#include <asyncc.h>
#include <stdio.h>

async unsigned f(unsigned x) { await(asyncc_yield()); return x * 3u + 1u; }

async unsigned amain(void)
{
  unsigned n = 0u, i;
  do
    continue;
  while (++n < 3u && await(f(n)) != 0u);
  for (i = 0u; i < 3u; i += await(f(i)) % 2u + 1u)
    continue;
  printf("%u %u\n", n, i);
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
