/* A large local array (64 KiB) live across awaits, in a function that is
 * awaited several times (frames are reused or reallocated correctly). */
#include <asyncc.h>
#include <stdio.h>

static async unsigned checksum(unsigned seed) {
  unsigned char big[65536];
  for (unsigned i = 0; i < sizeof big; i++)
    big[i] = (unsigned char)(i * seed + (i >> 8));
  await(asyncc_yield());
  unsigned sum = 0;
  for (unsigned i = 0; i < sizeof big; i++) sum = sum * 31u + big[i];
  await(asyncc_sleep(1));
  return sum ^ big[65535];
}

async int amain(void) {
  for (unsigned s = 1; s <= 3; s++) printf("%u\n", await(checksum(s)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
