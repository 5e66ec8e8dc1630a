/* <stdatomic.h> operations in a function asyncc macro-expands (AW hides an
 * await): libclang expands them with clang's header into __c11_atomic_*
 * builtins, which asyncc/frame.h maps to GCC's __atomic_* builtins when
 * the output is built by GCC. */
#include <asyncc.h>
#include <stdatomic.h>
#include <stdio.h>

#define AW(call) await(call)

static async unsigned f(unsigned v) {
  await(asyncc_yield());
  return v * 3u + 1u;
}

async int amain(void) {
  atomic_uint a = 1u;
  atomic_int b;
  atomic_init(&b, 10);
  atomic_fetch_add(&a, AW(f(1u)));
  atomic_fetch_sub_explicit(&a, 1u, memory_order_relaxed);
  atomic_fetch_or(&a, 8u);
  atomic_fetch_and(&a, 0xffu);
  atomic_fetch_xor(&a, 1u);
  atomic_store(&b, atomic_load(&b) + 1);
  int old = atomic_exchange(&b, 20);
  int expected = 20;
  _Bool swapped = atomic_compare_exchange_strong(&b, &expected, 30);
  int wrong = 0;
  _Bool weak = atomic_compare_exchange_weak(&b, &wrong, 40);
  atomic_thread_fence(memory_order_seq_cst);
  atomic_signal_fence(memory_order_seq_cst);
  unsigned got = AW(f(atomic_load(&a)));
  printf("%u %u %d %d %d %d %d %d\n", got, (unsigned)atomic_load(&a), old,
         (int)swapped, (int)weak, wrong, atomic_load(&b),
         (int)atomic_is_lock_free(&a));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
