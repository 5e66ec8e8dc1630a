/* main is where the program starts synchronously: it cannot be async. */
#include <asyncc.h>

async int main(void) { // expected-error {{'main' cannot be an async function: define 'async int amain(void)'}}
  return await(asyncc_yield());
}
