/* A static async function that is awaited but never defined: the output
 * could not link, so asyncc says so at the declaration. */
#include <asyncc.h>

static async int helper(int x); // expected-error {{static async function 'helper' is used but never defined}}

async int amain(void) { return await(helper(1)); }

int main(void) { return asyncc_run(amain()); }
