#include "a.h"

async bool is_even(unsigned n) {
  if (n == 0) return true;
  if (n % 5 == 0) await(asyncc_yield());
  return await(is_odd(n - 1));
}
