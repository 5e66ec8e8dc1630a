/* A variable-length array used only before an await of its block is not
 * live across it, but the resume would still jump into its scope: the
 * error says so (it said the array was "live across an await"). */
#include <asyncc.h>

static async int v(int n) {
  await(asyncc_yield());
  return n;
}

async int sum(int n) {
  int vla[n]; // expected-error {{is in the scope of an await}}
  int s = 0;
  for (int i = 0; i < n; i++) vla[i] = i;
  for (int i = 0; i < n; i++) s += vla[i];
  return s + await(v(1));
}
