/* law repro: the generated code spells the frame header's members 'hdr',
 * 'state', 'resume', 'parent', 'task' and 'flags' after the user's own
 * lines, so a user macro with one of these names (defined after
 * #include <asyncc.h>, used or not) rewrites asyncc's output:
 * 'asyncc__f->hdr.state = 0;' becomes 'asyncc__f->hdr.7u = 0;' and the
 * output does not compile. Sync prints "10". Found by hand (issue 3); low
 * priority (asyncc__-prefixed member names would avoid it). */
#include <asyncc.h>
#include <stdio.h>

#define state 7u

async unsigned f(unsigned x) { await(asyncc_yield()); return x * state + 3u; }

async unsigned amain(void)
{
  printf("%u\n", await(f(1u)));
  return 0;
}

int main(void) { return (int)asyncc_run(amain()); }
