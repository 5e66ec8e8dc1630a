/* law repro: a `__attribute__((cleanup(fn)))` local whose scope contains an
 * await but which is not used after it is not kept in the frame and not
 * diagnosed (the diagnostic covers only variables kept across an await or
 * initialized by one). It stays a local of the resume function, so its
 * cleanup runs when the function suspends (the resume function returns),
 * and again at the real end of the block after the resume, on a variable
 * the dispatch jumped over (indeterminate value: "cleanup 0" here).
 * Sync (gcc): "c 5 / k 2 / cleanup 5"; asyncc: "c 5 / cleanup 5 / k 2 /
 * cleanup 0". Found by hand (hunt3). */
#include <asyncc.h>
#include <stdio.h>

static void done(unsigned *p) { printf("cleanup %u\n", *p); }

static async unsigned f(unsigned x) { await(asyncc_yield()); return x + 1u; }

async int amain(void)
{
  {
    __attribute__((cleanup(done))) unsigned c = 5u;
    printf("c %u\n", c);
    unsigned k = await(f(1u));
    printf("k %u\n", k);
  }
  return 0;
}

int main(void) { return asyncc_run(amain()); }
