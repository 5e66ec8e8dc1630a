/* Async functions defined while the user's '#pragma pack(push, 1)' is in
 * force: the user's types stay packed, but the generated frame structs do
 * not inherit the packing (the runtime reads their headers, and a local
 * whose address is taken must stay aligned for its type). The frames were
 * packed: &x was misaligned (hunt repro
 * frame_structs_under_user_pragma_pack; UBSan reported the header). A
 * struct declared in the body of a callee defined after its caller (whose
 * frame part the output writes before the caller, where the pack is not in
 * force) stays packed (pragma_pack_hoisted_callee_frame: 9, not 6). */
#include <asyncc.h>
#include <stdint.h>
#include <stdio.h>

#pragma pack(push, 1)
struct W {
  char c;
  int v;
};

static async void bump(int* p) {
  await(asyncc_yield());
  *p += 1;
}

static async int f(char tag) {
  char c = tag;
  int x = 5;
  long long y = 7;
  printf("x aligned %d\n", (int)((uintptr_t)&x % _Alignof(int) == 0));
  await(bump(&x));
  await(asyncc_yield());
  return c + x + (int)y;
}
#pragma pack(pop)

static async int later(void);

async int amain(void) {
  printf("%d %zu\n", await(f(1)), sizeof(struct W));
  printf("%d\n", await(later()));
  return 0;
}

#pragma pack(push, 1)
static async int later(void) {
  struct S {
    char c;
    int i;
  } s = {'a', 1};
  await(asyncc_yield());
  return (int)sizeof s + s.i;
}
#pragma pack(pop)

int main(void) { return asyncc_run(amain()); }
